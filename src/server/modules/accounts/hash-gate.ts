/**
 * A small gate in front of argon2: at most `slots` hashes run at once (each
 * takes ~19 MiB and a libuv thread), the rest wait in line, and a full line is
 * refused at once rather than growing without bound. Urgent work (sign-in,
 * sign-up, recovery) goes ahead of re-checks of a signed-in member's current
 * password, which may use only some of the slots: one session guessing its own
 * password cannot slow everyone's sign-in.
 */
export type HashPriority = 'urgent' | 'background';

export class GateFullError extends Error {
  override name = 'GateFullError';
}

export class HashGate {
  private running = 0;
  private runningBackground = 0;
  private readonly urgent: Array<() => void> = [];
  private readonly background: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly backgroundSlots: number,
    private readonly maxWaiting: number,
  ) {}

  get active(): number {
    return this.running;
  }

  get waiting(): number {
    return this.urgent.length + this.background.length;
  }

  async run<T>(priority: HashPriority, work: () => Promise<T>): Promise<T> {
    await this.enter(priority);
    try {
      return await work();
    } finally {
      this.leave(priority);
    }
  }

  private canStart(priority: HashPriority): boolean {
    if (this.running >= this.slots) return false;
    return priority === 'urgent' || this.runningBackground < this.backgroundSlots;
  }

  private enter(priority: HashPriority): Promise<void> {
    const queue = priority === 'urgent' ? this.urgent : this.background;
    if (queue.length === 0 && this.canStart(priority) && (priority === 'urgent' || this.urgent.length === 0)) {
      this.start(priority);
      return Promise.resolve();
    }
    if (this.waiting >= this.maxWaiting) return Promise.reject(new GateFullError('too many password checks are waiting'));
    return new Promise((resolve) => queue.push(() => resolve()));
  }

  private start(priority: HashPriority): void {
    this.running += 1;
    if (priority === 'background') this.runningBackground += 1;
  }

  private leave(priority: HashPriority): void {
    this.running -= 1;
    if (priority === 'background') this.runningBackground -= 1;
    this.admit();
  }

  private admit(): void {
    while (this.running < this.slots) {
      if (this.urgent.length > 0) {
        this.start('urgent');
        this.urgent.shift()?.();
      } else if (this.background.length > 0 && this.runningBackground < this.backgroundSlots) {
        this.start('background');
        this.background.shift()?.();
      } else {
        return;
      }
    }
  }
}
