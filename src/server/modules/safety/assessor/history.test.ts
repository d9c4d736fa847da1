import { describe, expect, it } from 'vitest';
import { applyHistory, isRising } from './history.js';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (d: number): Date => new Date(now.getTime() - d * 24 * 3600 * 1000);

describe('author history', () => {
  it('raises a rising pattern one step', () => {
    const context = {
      now,
      recentLevels: [
        { level: 'low' as const, at: daysAgo(5) },
        { level: 'elevated' as const, at: daysAgo(2) },
      ],
    };
    expect(isRising('elevated', context)).toBe(true);
    expect(applyHistory('elevated', context)).toEqual({ level: 'high', raised: true });
  });

  it('accepts levels in any order and ignores posts older than seven days', () => {
    const context = {
      now,
      recentLevels: [
        { level: 'elevated' as const, at: daysAgo(1) },
        { level: 'none' as const, at: daysAgo(30) },
        { level: 'low' as const, at: daysAgo(3) },
      ],
    };
    expect(applyHistory('elevated', context).level).toBe('high');
    const stale = {
      now,
      recentLevels: [
        { level: 'low' as const, at: daysAgo(10) },
        { level: 'elevated' as const, at: daysAgo(9) },
      ],
    };
    expect(applyHistory('elevated', stale).raised).toBe(false);
  });

  it('does not raise a falling or flat pattern', () => {
    const falling = {
      now,
      recentLevels: [
        { level: 'high' as const, at: daysAgo(3) },
        { level: 'elevated' as const, at: daysAgo(1) },
      ],
    };
    expect(applyHistory('elevated', falling).raised).toBe(false);
    const flat = {
      now,
      recentLevels: [
        { level: 'low' as const, at: daysAgo(3) },
        { level: 'low' as const, at: daysAgo(1) },
      ],
    };
    expect(applyHistory('low', flat).raised).toBe(false);
  });

  it('needs the current text to be at least low, and never reaches imminent', () => {
    const rising = {
      now,
      recentLevels: [
        { level: 'low' as const, at: daysAgo(4) },
        { level: 'elevated' as const, at: daysAgo(1) },
      ],
    };
    expect(applyHistory('none', rising).raised).toBe(false);
    const toHigh = {
      now,
      recentLevels: [
        { level: 'elevated' as const, at: daysAgo(4) },
        { level: 'high' as const, at: daysAgo(1) },
      ],
    };
    expect(applyHistory('high', toHigh)).toEqual({ level: 'high', raised: false });
  });

  it('needs at least two earlier posts', () => {
    expect(applyHistory('elevated', { now, recentLevels: [{ level: 'low', at: daysAgo(1) }] }).raised).toBe(false);
    expect(applyHistory('elevated', undefined).raised).toBe(false);
  });
});
