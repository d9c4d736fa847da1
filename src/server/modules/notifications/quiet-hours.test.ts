import { describe, expect, it } from 'vitest';
import { inQuietHours } from './quiet-hours.js';

const night = { start: '22:00', end: '07:00', timeZone: 'Europe/London' };

describe('quiet hours', () => {
  it('run across midnight in the member’s time zone', () => {
    // Winter: London is UTC+0.
    expect(inQuietHours(new Date('2026-01-15T21:59:00Z'), night)).toBe(false);
    expect(inQuietHours(new Date('2026-01-15T22:00:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-01-16T00:30:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-01-16T06:59:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-01-16T07:00:00Z'), night)).toBe(false);
  });

  it('follow the wall clock through a daylight-saving change', () => {
    // Summer: London is UTC+1, so 22:00 local is 21:00 UTC.
    expect(inQuietHours(new Date('2026-07-15T21:30:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-07-16T06:30:00Z'), night)).toBe(false);
    // The night the clocks go forward (29 March 2026, 01:00 UTC): 06:30 UTC is 07:30 local, quiet is over.
    expect(inQuietHours(new Date('2026-03-29T05:30:00Z'), night)).toBe(true);
    expect(inQuietHours(new Date('2026-03-29T06:30:00Z'), night)).toBe(false);
  });

  it('a daytime span does not wrap, and none means never quiet', () => {
    const afternoon = { start: '13:00', end: '15:30', timeZone: 'America/New_York' };
    expect(inQuietHours(new Date('2026-01-15T18:00:00Z'), afternoon)).toBe(true);
    expect(inQuietHours(new Date('2026-01-15T21:00:00Z'), afternoon)).toBe(false);
    expect(inQuietHours(new Date('2026-01-15T03:00:00Z'), null)).toBe(false);
  });
});
