import { countries } from '../../../shared/regions.js';

/**
 * What the list says after a save or a delete, carried in the router's state
 * by key and country code (never as text), as the sign-in notices are.
 */
export interface HotlineNoticeState {
  hotlineNotice: 'saved' | 'deleted';
  countryCode: string;
}

export function hotlineNotice(state: unknown, savedName?: string): string | undefined {
  const notice = state as Partial<HotlineNoticeState> | null;
  if (!notice?.countryCode || !/^[A-Z]{2}$/.test(notice.countryCode)) return undefined;
  const name =
    savedName ?? countries().find((country) => country.code === notice.countryCode)?.name ?? notice.countryCode;
  if (notice.hotlineNotice === 'saved') return `${name} is saved. Members see the new details now.`;
  if (notice.hotlineNotice === 'deleted') return `${name} is deleted from the directory.`;
  return undefined;
}
