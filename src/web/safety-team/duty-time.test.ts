import { describe, expect, it } from 'vitest';
import { formatWallTime, nextWallClockTime } from './duty-time.js';

describe('"on until 23:00" in the member’s time zone', () => {
  it('is later today when the time has not passed yet', () => {
    const now = new Date('2026-03-02T20:00:00Z');
    expect(nextWallClockTime('23:00', 'Europe/London', now)?.toISOString()).toBe('2026-03-02T23:00:00.000Z');
    expect(nextWallClockTime('23:00', 'Europe/Berlin', now)?.toISOString()).toBe('2026-03-02T22:00:00.000Z');
  });

  it('is tomorrow when it has passed, across a daylight-saving change', () => {
    const now = new Date('2026-03-28T23:30:00Z'); // London: 23:30 GMT; the clocks go forward that night
    expect(nextWallClockTime('08:00', 'Europe/London', now)?.toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextWallClockTime('07:00', 'America/New_York', new Date('2026-03-02T15:00:00Z'))?.toISOString()).toBe(
      '2026-03-03T12:00:00.000Z',
    );
  });

  it('refuses what is not a time, and formats back', () => {
    expect(nextWallClockTime('25:00', 'UTC')).toBeNull();
    expect(nextWallClockTime('soon', 'UTC')).toBeNull();
    expect(formatWallTime('2026-03-02T22:00:00.000Z', 'Europe/Berlin')).toBe('23:00');
  });
});
