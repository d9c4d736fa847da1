import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import { isKnownPushEndpoint } from '../../config/index.js';
import type { Deps } from '../../deps.js';
import type { LiveEvent } from '../../live/hub.js';
import { NOTIFICATIONS_LIVE } from '../../../shared/api/notifications.js';
import { MODERATION_LIVE } from '../../../shared/api/moderation.js';
import { PUSH_TEXT, linkOf } from './presenters.js';
import * as queries from './queries.js';
import { inQuietHours } from './quiet-hours.js';
import type { VapidKeys } from './vapid.js';

/** Live events that may come with a notification whose push is not decided yet. */
const KICKED_BY = new Set<string>([NOTIFICATIONS_LIVE.changed, MODERATION_LIVE.notice]);
const BATCH = 50;

export interface DrainResult {
  sent: number;
  quiet: number;
  off: number;
  skipped: number;
  pruned: number;
}

/**
 * Sends Web Push for notifications after their write commits: the write only
 * leaves the row `pending`. Each round claims pending rows with FOR UPDATE SKIP
 * LOCKED and decides each once (sent, held back by quiet hours, turned off,
 * not shown), commits, and only then talks to push services, so a slow or
 * failing push service never holds a lock or fails a write. A subscription
 * the push service says is gone (404, 410) is deleted. Kicked when this node
 * announces a notification; a sweep on an interval picks up any a crash left.
 */
export class PushDispatcher {
  /** Tests point pushes at a local HTTPS push service: its certificate is trusted through this agent. */
  agent: Agent | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>,
    readonly vapid: VapidKeys,
  ) {}

  start(): void {
    const every = this.deps.config.push.sweepIntervalMs;
    if (every > 0) this.timer = setInterval(() => this.kick(), every);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.idle();
  }

  /** Called with every batch this node announces. */
  heard(events: LiveEvent[]): void {
    if (events.some((event) => KICKED_BY.has(event.type))) this.kick();
  }

  /** One round after the ones already queued (rounds never overlap on a node). */
  kick(): Promise<DrainResult> {
    const round = this.chain.then(() => this.drain());
    this.chain = round.catch((error: unknown) => this.deps.log.warn({ err: error instanceof Error ? error.name : 'unknown' }, 'push round failed; the sweep retries'));
    return round;
  }

  /** Resolves when every queued round has finished (tests). */
  async idle(): Promise<void> {
    await this.chain;
  }

  /** Decides and sends every pending push, round after round until none is left. */
  async drain(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, quiet: 0, off: 0, skipped: 0, pruned: 0 };
    for (;;) {
      const { sends, counts, claimed } = await this.decideBatch();
      for (const key of ['quiet', 'off', 'skipped'] as const) total[key] += counts[key];
      for (const send of sends) {
        const outcome = await this.send(send);
        if (outcome === 'sent') total.sent += 1;
        if (outcome === 'pruned') total.pruned += 1;
      }
      if (claimed < BATCH) return total;
    }
  }

  private async decideBatch() {
    const now = this.deps.clock.now();
    return this.deps.db.transaction(async (tx) => {
      const pending = await queries.claimPendingPushes(tx, BATCH);
      const decided: Record<'sent' | 'quiet' | 'off' | 'skipped', string[]> = { sent: [], quiet: [], off: [], skipped: [] };
      const wanted = pending.filter((row) => {
        if (!row.shown) decided.skipped.push(row.id);
        else if (row.settings?.preferences[row.kind]?.push === false) decided.off.push(row.id);
        // Quiet hours hold back everything but the safety team reaching out.
        else if (row.kind !== 'outreach' && inQuietHours(now, quietOf(row.settings))) decided.quiet.push(row.id);
        else return true;
        return false;
      });
      const subscriptions = await queries.subscriptionsOf(tx, [...new Set(wanted.map((row) => row.recipientId))]);
      const sends: { subscription: (typeof subscriptions)[number]; payload: string }[] = [];
      for (const row of wanted) {
        // Only known push services (an endpoint kept from before the list, or since taken off it, is never contacted).
        const mine = subscriptions.filter((subscription) => subscription.userId === row.recipientId && isKnownPushEndpoint(subscription.endpoint, this.deps.config.push.serviceHosts));
        if (mine.length === 0) {
          decided.off.push(row.id);
          continue;
        }
        decided.sent.push(row.id);
        const payload = JSON.stringify({ title: 'Hearth', body: PUSH_TEXT[row.kind], url: linkOf(row.kind, row.link), tag: row.id });
        for (const subscription of mine) sends.push({ subscription, payload });
      }
      for (const state of ['sent', 'quiet', 'off', 'skipped'] as const) await queries.setPushState(tx, decided[state], state);
      return { sends, claimed: pending.length, counts: { quiet: decided.quiet.length, off: decided.off.length, skipped: decided.skipped.length } };
    });
  }

  private async send(send: { subscription: { id: string; endpoint: string; p256dh: string; auth: string }; payload: string }): Promise<'sent' | 'pruned' | 'failed'> {
    try {
      await webpush.sendNotification({ endpoint: send.subscription.endpoint, keys: { p256dh: send.subscription.p256dh, auth: send.subscription.auth } }, send.payload, {
        vapidDetails: { subject: this.deps.config.push.subject, publicKey: this.vapid.publicKey, privateKey: this.vapid.privateKey },
        TTL: 24 * 60 * 60,
        urgency: 'normal',
        timeout: 10_000,
        ...(this.agent ? { agent: this.agent } : {}),
      });
      return 'sent';
    } catch (error) {
      if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
        await queries.deleteSubscriptionById(this.deps.db, send.subscription.id);
        return 'pruned';
      }
      // Never the endpoint (it identifies a browser) nor the payload.
      this.deps.log.warn({ status: error instanceof WebPushError ? error.statusCode : undefined }, 'push not delivered');
      return 'failed';
    }
  }
}

function quietOf(settings: queries.PendingPush['settings']) {
  if (!settings?.quietStart || !settings.quietEnd || !settings.timeZone) return null;
  return { start: settings.quietStart, end: settings.quietEnd, timeZone: settings.timeZone };
}
