import { and, eq, isNull } from 'drizzle-orm';
import type { ActionRequest } from '../../../shared/api/moderation-actions.js';
import type { Database } from '../../db/index.js';
import { sanctions } from '../../db/schema/index.js';
import { conflict, forbidden, invalidField, notFound, unprocessable } from '../../http/errors.js';
import type { LiveEvent, LiveHub } from '../../live/hub.js';
import { recomputeThreadCounters } from '../posts/queries.js';
import { recordPostChange, recordReplyChange } from '../posts/live.js';
import { applyContentEffect, type ContentEffect, type ContentInput } from './actions-content.js';
import { actionChecks, type Actor } from './actions-permissions.js';
import { findGroupBySlug, findItem, findOpenItemOf, findSanction, isAnonymous, loadTarget, memberIsInGroup, openAppealOnSame, sanctionGivenOn, type TargetFacts } from './actions-targets.js';
import { addNotice } from './notices.js';
import { resolveQueueItem } from './queue-items.js';
import { recordModerationAction } from './record-action.js';

/**
 * One action as the action code runs it: a moderator's request, or the undo of
 * an overturned appeal (which may set a content warning back to none, and
 * withdraws a warning).
 */
export type ActionInput =
  | Exclude<ActionRequest, { kind: 'content_warning' | 'lift' }>
  | (Omit<Extract<ActionRequest, { kind: 'content_warning' }>, 'contentWarning'> & { contentWarning: string | null })
  | (Omit<Extract<ActionRequest, { kind: 'lift' }>, 'sanctionId'> & { sanctionId?: string; withdrawWarningId?: string });

export interface PerformOptions {
  /** Tell the member affected (false for an overturn's undo: the appeal's decision is their notice). */
  notify: boolean;
  /** The undo of an overturned appeal: the open appeal itself does not block it. */
  fromAppeal?: boolean;
  /** Resolve the target's open queue item (an overturn leaves new reports alone). */
  resolveItems: boolean;
}

export interface Performed {
  actionId: string;
  until: Date | null;
  createdAt: Date;
  events: LiveEvent[];
}

const CONTENT_KINDS = new Set(['content_warning', 'hide', 'remove', 'restore', 'approve', 'lock', 'unlock', 'move']);
const TOOK_DOWN = new Set(['hide', 'remove']);
const LEFT_UP = new Set(['restore', 'approve', 'dismiss', 'unlock']);

/** What reporters read: plain words, never who was sanctioned or for how long. */
export function outcomeWords(kind: string, targetType: string): string {
  const thing = targetType === 'member' ? 'member' : targetType === 'reply' ? 'reply' : targetType === 'message' ? 'message' : 'post';
  if (TOOK_DOWN.has(kind)) return `A moderator removed the ${thing} you reported. Thank you for telling us.`;
  if (LEFT_UP.has(kind)) return thing === 'member' ? 'A moderator looked at your report and took no action.' : `A moderator looked at your report and left the ${thing} up.`;
  return `A moderator acted on the ${thing} you reported. Thank you for telling us.`;
}

interface Context {
  live: LiveHub;
  now: Date;
  actor: Actor;
}

/** The group a sanction or warning belongs to, and the permission checks of member actions. */
async function memberActionGroup(tx: Database, ctx: Context, target: TargetFacts, input: ActionInput): Promise<string | null> {
  const { actor } = ctx;
  if (!target.subjectId) throw unprocessable('no_member', 'There is no member to act on here.', 'target');
  if (input.kind === 'suspend' || input.kind === 'ban') {
    actionChecks.siteWide(actor, input.kind);
    return target.groupId;
  }
  if (input.kind === 'warn' || input.kind === 'mute') {
    // A group moderator never sanctions the author of anonymous content: any answer that depended on who wrote it
    // (staff or not) would tell them something. The same refusal for every author; global moderators may.
    actionChecks.notThroughAnonymous(actor, isAnonymous(target));
    let groupId = target.groupId;
    if (input.group !== undefined) {
      const group = await findGroupBySlug(tx, input.group);
      if (!group) throw invalidField('group', 'No group has that address.');
      if (target.type !== 'member' && group.id !== target.groupId) throw invalidField('group', 'A mute for a post or reply is in the group it was written in.');
      groupId = group.id;
    }
    if (input.kind === 'mute' && groupId === null) throw invalidField('group', 'Choose the group to mute the member in.');
    actionChecks.inGroup(actor, groupId, input.kind === 'mute' ? 'this' : 'this member');
    if (target.type === 'member' && actor.scope !== 'all' && !(await memberIsInGroup(tx, target.id, groupId!))) {
      throw forbidden('You can warn or mute only members of a group you moderate, or members who wrote there under their name.');
    }
    // Last, once everything else is allowed; on anonymous content its words say nothing about who wrote it.
    actionChecks.notStaffSubject(actor, target.subjectRole, isAnonymous(target));
    return groupId;
  }
  return target.groupId;
}

/**
 * Runs one action in the caller's transaction: checks, the effect, the action
 * and audit rows, the sanction, the member's notice and the queue item's
 * resolution. Returns the live events to announce after commit.
 */
export async function performAction(tx: Database, ctx: Context, input: ActionInput, options: PerformOptions): Promise<Performed> {
  const { actor, now } = ctx;
  const target = await loadTarget(tx, input.target);
  actionChecks.notSelf(actor, target.subjectId);
  const item = input.itemId ? await findItem(tx, input.itemId) : undefined;
  if (input.itemId) {
    if (!item) throw notFound('That queue item');
    actionChecks.inGroup(actor, item.groupId, 'this item');
    if (item.status !== 'open') throw conflict('item_resolved', 'This queue item was already resolved.');
    // The item's own target only (never "the member behind it"): a check on the subject would tell who wrote anonymous content.
    if (item.targetType !== target.type || item.targetId !== target.id) throw invalidField('itemId', 'That queue item is about something else.');
  }

  if (target.type === 'message' && input.kind !== 'dismiss') throw unprocessable('message_target', 'A reported message can only be dismissed here; act on its writer as a member.', 'target');
  let groupId = target.groupId;
  let effect: ContentEffect = { before: null, after: null, replyStatusChanged: false };
  let until: Date | null = null;
  let sanctionKind: 'mute' | 'suspend' | 'ban' | null = null;

  if (CONTENT_KINDS.has(input.kind)) {
    actionChecks.inGroup(actor, target.groupId);
    let content: ContentInput;
    if (input.kind === 'move') {
      const to = await findGroupBySlug(tx, input.toGroup);
      if (!to || to.archivedAt) throw invalidField('toGroup', 'No open group has that address.');
      actionChecks.inGroup(actor, to.id, 'the destination group');
      content = { kind: 'move', toGroupId: to.id };
    } else if (input.kind === 'content_warning') {
      content = { kind: 'content_warning', contentWarning: input.contentWarning, contentWarningTopics: input.contentWarningTopics };
    } else {
      content = { kind: input.kind as 'hide' };
    }
    effect = await applyContentEffect(tx, target, content, now);
  } else if (input.kind === 'dismiss') {
    if (!item) throw invalidField('itemId', 'Dismiss closes a queue item: give its id.');
  } else if (input.kind === 'lift') {
    effect = await lift(tx, ctx, target, input);
    groupId = (effect.before?.groupId as string | null | undefined) ?? target.groupId;
  } else {
    groupId = await memberActionGroup(tx, ctx, target, input);
    if (input.kind === 'mute' || input.kind === 'suspend') until = new Date(now.getTime() + input.hours * 3_600_000);
    if (input.kind === 'mute' || input.kind === 'suspend' || input.kind === 'ban') sanctionKind = input.kind;
  }

  // After every permission check (the refusal rolls the transaction back): a repeat would survive the appeal's overturn.
  if (!options.fromAppeal && (await openAppealOnSame(tx, input.kind, target, groupId))) {
    throw conflict('appeal_open', 'An appeal about the same action here is open: it is decided first, through the appeal, so please leave this until then.');
  }

  const action = await recordModerationAction(tx, {
    kind: input.kind,
    actorId: actor.id,
    targetType: target.type,
    targetId: target.id,
    subjectId: target.subjectId,
    groupId,
    itemId: item?.id ?? null,
    reasonTemplate: input.reasonTemplate ?? null,
    reason: input.reason,
    until,
    before: effect.before,
    after: effect.after,
    now,
  });
  if (sanctionKind && target.subjectId) {
    await tx.insert(sanctions).values({
      userId: target.subjectId,
      kind: sanctionKind,
      groupId: sanctionKind === 'mute' ? groupId : null,
      actionId: action.id,
      reason: input.reason,
      startsAt: now,
      until,
    });
  }
  if (effect.replyStatusChanged && target.reply) await recomputeThreadCounters(tx, target.reply.postId);

  const events: LiveEvent[] = [];
  // Readers of the thread see the change live (posts/live.ts presents it to each as REST would).
  if (target.type === 'reply' && target.reply && effect.after) events.push(await recordReplyChange(tx, ctx.live, target.reply.postId, target.reply.id, target.reply.status));
  else if (target.type === 'post' && target.post && effect.after) events.push(await recordPostChange(tx, ctx.live, target.post.id));
  if (options.notify && input.kind !== 'dismiss' && target.subjectId) {
    events.push(await addNotice(tx, ctx.live, { userId: target.subjectId, kind: 'action', actionId: action.id, now }));
  }
  // Hiding is "while under review": the item stays open for the decision.
  if (options.resolveItems && input.kind !== 'hide') {
    const itemId = item?.id ?? (await findOpenItemOf(tx, target.type, target.id))?.id;
    if (itemId) {
      const outcome = outcomeWords(input.kind, target.type);
      events.push(...(await resolveQueueItem(tx, ctx.live, { itemId, resolvedBy: actor.id, actionId: input.kind === 'dismiss' ? null : action.id, outcomeForReporters: outcome, now })));
    }
  }
  return { actionId: action.id, until, createdAt: now, events };
}

/** Ends a sanction early, or withdraws a warning (an overturned appeal). */
async function lift(tx: Database, ctx: Context, target: TargetFacts, input: Extract<ActionInput, { kind: 'lift' }>): Promise<ContentEffect> {
  if (input.withdrawWarningId) return { before: { warningActionId: input.withdrawWarningId }, after: { withdrawn: true }, replyStatusChanged: false };
  if (!input.sanctionId) throw invalidField('sanctionId', 'is required');
  const sanction = await findSanction(tx, input.sanctionId);
  // On content, only a sanction given from that same content: comparing with its author would tell who wrote anonymous content.
  const belongs = sanction && (target.type === 'member' ? sanction.userId === target.id : await sanctionGivenOn(tx, sanction.actionId, target));
  if (!sanction || !belongs) throw notFound('That sanction');
  if (sanction.kind === 'mute') actionChecks.inGroup(ctx.actor, sanction.groupId);
  else actionChecks.siteWide(ctx.actor, 'lift');
  if (sanction.liftedAt || (sanction.until && sanction.until <= ctx.now)) throw unprocessable('sanction_ended', 'That sanction has already ended.');
  await tx
    .update(sanctions)
    .set({ liftedAt: ctx.now })
    .where(and(eq(sanctions.id, sanction.id), isNull(sanctions.liftedAt)));
  return { before: { sanctionId: sanction.id, kind: sanction.kind, groupId: sanction.groupId }, after: { lifted: true }, replyStatusChanged: false };
}
