/** `tel:` and `sms:` targets keep only what a dialler needs: digits and a leading +. */
export function dialTarget(number: string): string {
  const trimmed = number.trim();
  return (trimmed.startsWith('+') ? '+' : '') + trimmed.replace(/[^0-9]/g, '');
}

export const telHref = (number: string) => `tel:${dialTarget(number)}`;
export const smsHref = (number: string) => `sms:${dialTarget(number)}`;
