/**
 * Time, injected: services ask `deps.clock.now()` instead of `new Date()`, so
 * tests move time (deadlines, escalation steps, "on until 23:00") instead of
 * sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(start: Date | number = Date.now()) {
    this.ms = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }

  set(at: Date): void {
    this.ms = at.getTime();
  }
}
