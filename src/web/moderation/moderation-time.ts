/** A moment in the member's own time zone, in full ("5 May 2026, 09:00"): sanctions and notices say exactly when. */
export function formatWhen(iso: string, timeZone: string | null | undefined): string {
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
  } catch {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}
