import type { Clock } from '../../../clock.js';
import type { Config } from '../../../config/index.js';
import type { Database } from '../../../db/index.js';
import type { LiveHub } from '../../../live/hub.js';
import { pruneLiveEvents } from '../../../live/retention.js';
import { escalateQueueItems } from '../../moderation/queue-escalation.js';
import { escalateDue, type EscalationRound } from './escalate.js';
import { claimDueDeliveries, postWebhook, recordAttempt, type AttemptResult } from './webhook.js';

export interface SchedulerDeps {
  db: Database;
  live: LiveHub;
  clock: Clock;
  config: Pick<Config, 'publicUrl' | 'safetyScheduler'>;
  /** Errors only, with the err serializer (class, code, frames): never an alert's content, an id of a member, or the webhook URL. */
  log: { warn(details: Record<string, unknown>, message: string): void };
}

export interface TickResult {
  steps: EscalationRound['steps'];
  webhookAttempts: { alertId: string; attempt: number; result: AttemptResult }[];
  /** Moderation queue items raised to the global moderators after 72 hours (issue 13). */
  queueEscalated: string[];
  /** Live events past their keeping time, deleted (live/retention.ts). */
  liveEventsPruned: number;
}

/** Rounds one tick may take in a flood, so a tick always ends (the next one carries on). */
const MAX_ROUNDS_PER_TICK = 20;

/**
 * The escalation scheduler. Every node runs one: each tick takes the due
 * escalation steps and the due webhook attempts, claimed from the database so
 * that exactly one node acts on each (deadlines live in rows, not in timers: a
 * restart or a dead node never loses a step). Tests call `tick()` with a
 * `ManualClock` instead of starting the timer.
 */
export class EscalationScheduler {
  private timer: ReturnType<typeof setInterval> | undefined;
  private escalating: Promise<unknown> | undefined;
  private delivering: Promise<unknown> | undefined;
  private housekeeping: Promise<unknown> | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Ticks every `SAFETY_SCHEDULER_INTERVAL_MS` (nothing when 0). A slow webhook never holds up the escalation steps. */
  start(): void {
    const { intervalMs } = this.deps.config.safetyScheduler;
    if (intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.escalating ??= Promise.all([this.escalate(), this.escalateQueue()])
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'safety scheduler: escalation round failed; it is retried next tick'))
        .finally(() => (this.escalating = undefined));
      this.delivering ??= this.deliver()
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'safety scheduler: webhook round failed; it is retried next tick'))
        .finally(() => (this.delivering = undefined));
      this.housekeeping ??= this.pruneLive()
        .catch((error: unknown) => this.deps.log.warn({ err: error }, 'scheduler: pruning old live events failed; it is retried next tick'))
        .finally(() => (this.housekeeping = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a round in flight (its transaction commits or rolls back whole). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([this.escalating, this.delivering, this.housekeeping]);
  }

  /** One tick, awaited: the due steps, then the due webhook attempts. */
  async tick(): Promise<TickResult> {
    const steps = await this.escalate();
    const queueEscalated = await this.escalateQueue();
    const webhookAttempts = await this.deliver();
    const liveEventsPruned = await this.pruneLive();
    return { steps, webhookAttempts, queueEscalated, liveEventsPruned };
  }

  /** Old live events, a batch a round (a backlog is cleared over a few ticks, never in one long statement). */
  private async pruneLive(): Promise<number> {
    let pruned = 0;
    for (let round = 0; round < MAX_ROUNDS_PER_TICK; round++) {
      const result = await pruneLiveEvents(this.deps.db, this.deps.clock.now());
      pruned += result.deleted;
      if (!result.more) break;
    }
    return pruned;
  }

  private async escalate(): Promise<EscalationRound['steps']> {
    const taken: EscalationRound['steps'] = [];
    for (let round = 0; round < MAX_ROUNDS_PER_TICK; round++) {
      const result = await escalateDue(this.deps.db, { live: this.deps.live, webhookConfigured: !!this.deps.config.safetyScheduler.webhook }, this.deps.clock.now());
      await this.deps.live.announce(result.events);
      taken.push(...result.steps);
      if (!result.more) break;
    }
    return taken;
  }

  /** The moderation queue's 72-hour round (moderation/queue-escalation.ts), claimed the same way. */
  private async escalateQueue(): Promise<string[]> {
    const escalated: string[] = [];
    for (let round = 0; round < MAX_ROUNDS_PER_TICK; round++) {
      const result = await escalateQueueItems(this.deps.db, this.deps.live, this.deps.clock.now());
      await this.deps.live.announce(result.events);
      escalated.push(...result.escalated);
      if (!result.more) break;
    }
    return escalated;
  }

  private async deliver(): Promise<TickResult['webhookAttempts']> {
    const { webhook } = this.deps.config.safetyScheduler;
    if (!webhook) return [];
    const { claimed, events } = await claimDueDeliveries(this.deps.db, { publicUrl: this.deps.config.publicUrl, live: this.deps.live }, this.deps.clock.now());
    await this.deps.live.announce(events);
    return Promise.all(
      claimed.map(async (delivery) => {
        const startedAt = this.deps.clock.now();
        const result = await postWebhook(webhook, delivery.payload);
        const recorded = await recordAttempt(this.deps.db, { live: this.deps.live }, delivery, result, startedAt, this.deps.clock.now());
        await this.deps.live.announce(recorded);
        return { alertId: delivery.alertId, attempt: delivery.attempt, result };
      }),
    );
  }
}
