/**
 * "On until 23:00" in the member's time zone: the next moment the wall clock
 * there reads that time (later today, or tomorrow if it has passed).
 */
export function nextWallClockTime(hhmm: string, timeZone: string, now: Date = new Date()): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  const today = wallClock(now, timeZone);
  for (const dayOffset of [0, 1]) {
    const instant = instantFor(
      { year: today.year, month: today.month, day: today.day + dayOffset, hours, minutes },
      timeZone,
    );
    if (instant.getTime() > now.getTime()) return instant;
  }
  return null;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((entry) => entry.type === type)?.value ?? 0);
  return { year: part('year'), month: part('month'), day: part('day'), hours: part('hour'), minutes: part('minute') };
}

/** The instant the wall clock in `timeZone` shows `wall` (two passes settle daylight-saving shifts). */
function instantFor(wall: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hours, wall.minutes);
  let guess = asUtc;
  for (let pass = 0; pass < 2; pass += 1) {
    const shown = wallClock(new Date(guess), timeZone);
    const shownUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hours, shown.minutes);
    guess += asUtc - shownUtc;
  }
  return new Date(guess);
}

/** "23:00" as the member reads it in their time zone. */
export function formatWallTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** The member's time zone: their profile's, else the browser's. */
export function memberTimeZone(profileTimeZone: string | null | undefined): string {
  return profileTimeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
