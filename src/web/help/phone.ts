/** `tel:` and `sms:` targets keep only what a dialler needs: digits and a leading +. */
export function dialTarget(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/[^0-9]/g, '');
}

export const telHref = (number: string) => `tel:${dialTarget(number)}`;
export const smsHref = (number: string) => `sms:${dialTarget(number)}`;

/**
 * The texting note shown under a service's buttons, or null when it would only repeat the "Text <number>" button
 * (as "Text 988" did for the US line, shown twice). Entries already stored in a directory keep such notes, so the
 * check is made when rendering and not only in the seed data.
 */
export function smsNote(sms: { number: string; instructions?: string | undefined }): string | null {
  const note = sms.instructions?.trim();
  if (!note) return null;
  const repeat = /^(?:text|sms)\s+(?:to\s+)?(\+?[0-9][0-9 ()-]*)\.?$/i.exec(note);
  if (repeat && dialTarget(repeat[1]!) === dialTarget(sms.number)) return null;
  return note;
}
