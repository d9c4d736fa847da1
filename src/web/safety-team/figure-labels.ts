/** Words for the figures pages (shared by the team's figures and the admins' assessor page). */

export const OUTCOME_LABELS: Record<'real_concern' | 'not_a_concern' | 'referred_to_emergency_services' | 'other', string> = {
  real_concern: 'A real concern',
  not_a_concern: 'Not a concern',
  referred_to_emergency_services: 'Referred to emergency services',
  other: 'Other',
};

export const LEVEL_LABELS: Record<'high' | 'imminent', string> = { high: 'High', imminent: 'Imminent' };

/** "2.5 min", "1 h 5 min", or "none yet". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return 'none yet';
  if (minutes < 60) return `${Math.round(minutes * 10) / 10} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "4 Dec" for a UTC day "2026-12-04". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function formatPercent(share: number | null): string {
  return share === null ? 'not yet known' : `${Math.round(share * 100)}%`;
}
