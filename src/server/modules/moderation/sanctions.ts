import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import type { SanctionKind } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { sanctions } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';

export interface ActiveSanction {
  id: string;
  kind: SanctionKind;
  groupId: string | null;
  reason: string;
  until: Date | null;
}

/** The sanctions in force on a member now (not lifted, not ended), worst first: ban, suspension, mutes. */
export async function activeSanctions(db: Database, userId: string, now: Date, options: { leaveOutAnonymous?: boolean } = {}): Promise<ActiveSanction[]> {
  // Lists shown beside a handle leave out sanctions given on anonymous content: they would link it to the member.
  const named = options.leaveOutAnonymous
    ? sql`not exists (select 1 from moderation_actions a where a.id = ${sanctions.actionId} and (
        (a.target_type = 'post' and exists (select 1 from posts p where p.id = a.target_id and p.anonymous))
        or (a.target_type = 'reply' and exists (select 1 from replies r where r.id = a.target_id and r.anonymous))))`
    : undefined;
  const rows = await db
    .select({ id: sanctions.id, kind: sanctions.kind, groupId: sanctions.groupId, reason: sanctions.reason, until: sanctions.until })
    .from(sanctions)
    .where(and(eq(sanctions.userId, userId), isNull(sanctions.liftedAt), or(isNull(sanctions.until), gt(sanctions.until, now)), named));
  return worstFirst(rows);
}

const ORDER: Record<SanctionKind, number> = { ban: 0, suspend: 1, mute: 2 };

/** Ban, suspension, mutes. */
export function worstFirst(rows: ActiveSanction[]): ActiveSanction[] {
  return rows.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/**
 * A refusal that says what, until when and why, and how to appeal (no silent
 * punishment). The body carries `sanction: { kind, until, reason }` beside the
 * usual code and message so the web app can show it in full.
 */
export class SanctionError extends AppError {
  constructor(readonly sanction: ActiveSanction) {
    super(403, SanctionError.codeOf(sanction.kind), SanctionError.messageOf(sanction));
  }

  private static codeOf(kind: SanctionKind): string {
    return kind === 'ban' ? 'banned' : kind === 'suspend' ? 'suspended' : 'muted';
  }

  private static messageOf(sanction: ActiveSanction): string {
    const until = sanction.until ? ` until ${sanction.until.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
    const what =
      sanction.kind === 'ban'
        ? 'Your account is banned from posting'
        : sanction.kind === 'suspend'
          ? `Your account is suspended${until}`
          : `You are muted in this group${until}`;
    return `${what}. The reason: ${sanction.reason} You can read this and appeal it on your Moderation notices page. Help is always open to you, and so are your messages with the safety team.`;
  }

  override toBody() {
    const body = super.toBody();
    return { error: { ...body.error, sanction: { kind: this.sanction.kind, until: this.sanction.until?.toISOString() ?? null, reason: this.sanction.reason } } };
  }
}

/**
 * Refuses a write by a sanctioned member: a ban or suspension everywhere, a
 * mute in its group. Call before any write others would see (posts, replies,
 * reactions, reports are allowed: reporting protects). Never call it for a
 * member's messages to the safety team: help stays one tap away.
 */
export async function assertMayWrite(db: Database, userId: string, now: Date, groupId?: string | null): Promise<void> {
  const refusing = await refusingSanction(db, userId, now, groupId);
  if (refusing) throw new SanctionError(refusing);
}

/** The sanction that refuses a write here, if any: a ban or suspension everywhere, a mute in its group. */
export async function refusingSanction(db: Database, userId: string, now: Date, groupId?: string | null): Promise<ActiveSanction | undefined> {
  return refusingAmong(await activeSanctions(db, userId, now), groupId);
}

/** The one of these sanctions in force (worst first) that refuses a write in this group, if any. */
export function refusingAmong(active: ActiveSanction[], groupId?: string | null): ActiveSanction | undefined {
  return active.find((sanction) => sanction.kind !== 'mute' || (groupId != null && sanction.groupId === groupId));
}

/**
 * A post, reply or edit by a sanctioned member, decided AFTER the assessor:
 * words written in crisis (`inCrisis`: they raise an alert) are never refused
 * or lost, but kept held ('sanction': only the writer and staff see them; an
 * edit does not lift it); anything else is refused as assertMayWrite does.
 * Returns null when no sanction applies. `active`: the writer's sanctions in
 * force, read in the write's own writer-context query (never cached: a
 * sanction takes effect on the next write).
 */
export function sanctionHoldFor(active: ActiveSanction[], groupId: string, inCrisis: boolean): 'sanction' | null {
  const refusing = refusingAmong(active, groupId);
  if (!refusing) return null;
  if (inCrisis) return 'sanction';
  throw new SanctionError(refusing);
}
