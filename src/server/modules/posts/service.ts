import type { z } from 'zod';
import {
  THREAD_PAGE_SIZE,
  type createPostRequestSchema,
  type createReplyRequestSchema,
  type ReactionKind,
  type updatePostRequestSchema,
} from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { blockExistsBetween } from '../boundaries/queries.js';
import { groupPolicy } from '../groups/policies.js';
import { requireGroup } from '../groups/service.js';
import type { HoldSource } from '../../../shared/api/moderation.js';
import { assessForWrite, publicSignal, recordSafety, type RecordedSafety } from '../safety/assessment-service.js';
import { buildSupportCard } from '../safety/support-card.js';
import { warningAfterEdit, wantsAutoWarning, withAutoWarning } from '../safety-team/auto-content-warning.js';
import { wantsAutoReply, writeAutomaticReply } from '../safety-team/auto-reply.js';
import { aliasFor } from './aliases.js';
import { recordNewPost, recordNewReply, recordPostChange, recordReactions, recordReplyChange } from './live.js';
import { excerptOf, renderMarkdown } from './markdown.js';
import { postPolicy } from './policies.js';
import { presentReply, type Viewer } from './presenters.js';
import * as queries from './queries.js';
import { getThreadPage } from './thread-pages.js';
import { isStaffRole } from './visibility.js';
import { assertMayWrite } from '../moderation/sanctions.js';
import { holdForWrite, statusAfterEdit } from './holds.js';
import { automodNeeds, decideAutomod, withAutomod, type AutomodWrite } from '../moderation/automod-decide.js';
import { loadWriterContext } from './writer-context.js';
import { recordAutomod } from '../moderation/automod-record.js';
import { heldReasonFor } from '../moderation/automod-held.js';
import type { WriteContext } from './writer-extras.js';
import { notify, notifyMentions } from '../notifications/notify.js';
import type { LiveEvent } from '../../live/hub.js';

export type { WriteContext };

/** Replies nest this deep; a reply to the deepest level stays at that level. */
export const MAX_REPLY_DEPTH = 3;

const viewerOf = (auth: AuthContext): Viewer => ({ id: auth.user.id, isStaff: isStaffRole(auth.user.role) });

async function requireReadableThread(deps: Pick<Deps, 'db'>, auth: AuthContext, postId: string) {
  const head = await queries.findThreadHead(deps.db, postId, auth.user.id);
  if (!head || !postPolicy.canReadThread(head, auth)) throw notFound('That post');
  return head;
}

/** The first page of a thread (what a write answers with, and what a block check reads). */
export async function getThread(deps: Pick<Deps, 'db' | 'clock' | 'config'>, auth: AuthContext, postId: string, context?: WriteContext) {
  return getThreadPage(deps, auth, postId, { limit: THREAD_PAGE_SIZE }, context);
}

/** The seed writes without the posting limit; every request has it. */
type WriteDeps = Pick<Deps, 'db' | 'config' | 'live' | 'clock'> & Partial<Pick<Deps, 'authLimiters'>>;

/** The writer's sanctions, anonymity default and automod's facts for this write: one query (writer-context.ts). */
function writerContext(deps: WriteDeps, auth: AuthContext, write: AutomodWrite) {
  return loadWriterContext(deps.db, { userId: auth.user.id, groupId: write.groupId, now: deps.clock.now(), automod: automodNeeds(auth, write) });
}

/** After the commit: tell on-duty staff live, and build the writer's support card. */
async function afterWrite(deps: WriteDeps, safety: RecordedSafety & { assessment: Awaited<ReturnType<typeof assessForWrite>>; hold: HoldSource | null }, context: WriteContext) {
  const events = [safety.alertEvent, safety.reviewEvent].filter((event) => event !== null);
  if (events.length > 0) await deps.live.announce(events);
  // An alert raised with nobody on duty: the card says so honestly and puts the crisis lines first.
  const team = safety.alertId ? { online: !safety.nobodyOnDuty } : null;
  // Kept while the writer's posting is paused or the thread is locked: the card says so, not "a method".
  const heldReason = safety.hold === 'sanction' || safety.hold === 'locked' ? heldReasonFor(safety.hold) : undefined;
  return buildSupportCard(deps.db, { assessmentId: safety.assessmentId, assessment: safety.assessment, countryCode: context.countryCode, held: safety.hold !== null, heldReason, team });
}

export async function createPost(deps: WriteDeps, auth: AuthContext, slug: string, input: z.output<typeof createPostRequestSchema>, context: WriteContext) {
  const entry = await requireGroup(deps, slug, auth);
  if (!groupPolicy.canParticipate(entry)) {
    throw forbidden(entry.group.archivedAt ? 'This group is archived: it can be read but not posted in.' : 'Join the group to post in it.');
  }
  const bodyHtml = renderMarkdown(input.body);
  // Assessed before anything is written (and before a sanction refuses it); stored with the content in one transaction.
  const assessment = await assessForWrite(deps.db, auth.user.id, `${input.title}\n\n${input.body}`);
  const automodWrite = { contentType: 'post', write: 'create', groupId: entry.group.id, text: `${input.title}\n\n${input.body}`, body: input.body, assessment, holdNewMemberPosts: entry.group.holdNewMemberPosts } as const;
  const writer = await writerContext(deps, auth, automodWrite);
  const anonymous = input.anonymous ?? writer.anonymousByDefault;
  const hold = holdForWrite(auth, { groupId: entry.group.id, assessment, sanctions: writer.sanctions });
  const held = hold !== null;
  // #chatsafe: a visible post whose words are assessed high carries the suicide and self-harm warning for other
  // members. It and the automatic reply are public, so they follow the words alone, never the writer's history.
  const warning = { contentWarning: input.contentWarning || null, contentWarningTopics: input.contentWarningTopics };
  const { autoContentWarning, ...contentWarningFields } = wantsAutoWarning(publicSignal(assessment), held) ? withAutoWarning(warning) : { ...warning, autoContentWarning: false };
  // Automod (moderation): its rules and the new-member hold; the assessor's own hold stays the assessor's.
  const automod = await decideAutomod(deps, auth, automodWrite, writer.automod);
  const { postId, safety, automodEvents } = await deps.db.transaction(async (tx) => {
    const post = await queries.insertPost(tx, {
      groupId: entry.group.id,
      authorId: auth.user.id,
      anonymous,
      title: input.title,
      body: input.body,
      bodyHtml,
      excerpt: excerptOf(input.body),
      ...contentWarningFields,
      ...withAutomod(automod, { status: held ? 'held' : 'visible', heldBy: hold }, { status: 'visible', heldBy: null, contentWarning: contentWarningFields.contentWarning }),
      autoContentWarning,
      mood: input.mood ?? null,
    });
    if (anonymous) await aliasFor(tx, post.id, auth.user.id);
    const recorded = await recordSafety(tx, deps, { contentType: 'post', contentId: post.id, authorId: auth.user.id, assessment, now: deps.clock.now() });
    const automodEvents = await recordAutomod(tx, deps, automod, { contentType: 'post', contentId: post.id, authorId: auth.user.id, groupId: entry.group.id });
    // Members @mentioned hear of it (not while the post is held: notifications.shownToRecipient).
    const mentionEvents = await notifyMentions(tx, deps, { text: `${input.title}\n\n${input.body}`, actorId: auth.user.id, anonymous, postId: post.id, replyId: null, alreadyTold: [] });
    const newPost = await recordNewPost(tx, deps.live, entry.group.id, post.id);
    return { postId: post.id, safety: recorded, automodEvents: [...automodEvents, ...mentionEvents, newPost] };
  });
  await deps.live.announce(automodEvents);
  const support = await afterWrite(deps, { ...safety, assessment, hold }, context);
  // The automatic first reply, after the post commits and before the writer's response: within a second.
  if (wantsAutoReply(publicSignal(assessment), held || automod.hold !== null)) await writeAutomaticReply(deps.db, postId);
  return { ...(await getThread(deps, auth, postId, context)), support };
}

export async function createReply(deps: WriteDeps, auth: AuthContext, postId: string, input: z.output<typeof createReplyRequestSchema>, context: WriteContext) {
  const head = await requireReadableThread(deps, auth, postId);
  if (!postPolicy.canParticipate(head)) {
    throw forbidden(head.group.archivedAt ? 'This group is archived: it can be read but not replied to.' : 'Join the group to reply.');
  }
  assertPostTakes(head.post, auth, 'replies');
  let depth = 0;
  let parentAuthorId: string | null = null;
  if (input.parentId) {
    const parent = await queries.findReply(deps.db, input.parentId);
    if (!parent || parent.postId !== postId || (await hiddenByBlock(deps, auth, parent))) throw notFound('The reply you are answering');
    if (parent.status !== 'visible') {
      // Refused as the thread lists it to the writer (policies.ts replyView): a reply they are not shown is
      // "not found"; a placeholder, held or removed, is refused alike, so the refusal never tells them which.
      const view = postPolicy.replyView(parent, await queries.isReplyShown(deps.db, parent), auth);
      if (view === 'none') throw notFound('The reply you are answering');
      const seenHeld = view === 'full' && parent.status === 'held';
      // Nothing grows under a held reply where others could see it: answers would show them something is there.
      // Under a held post every reply is kept with the post (below), seen by no one else, so its author may go on.
      if (!(seenHeld && head.post.status === 'held')) {
        throw seenHeld
          ? unprocessable('parent_held', 'That reply is held for review, so it cannot be answered yet.', 'parentId')
          : unprocessable('parent_removed', 'That reply is no longer available, so it cannot be answered.', 'parentId');
      }
    }
    depth = Math.min(parent.depth + 1, MAX_REPLY_DEPTH);
    parentAuthorId = parent.authorId;
  }
  const bodyHtml = renderMarkdown(input.body);
  const assessment = await assessForWrite(deps.db, auth.user.id, input.body);
  const automodWrite = { contentType: 'reply', write: 'create', groupId: head.post.groupId, text: input.body, body: input.body, assessment } as const;
  const writer = await writerContext(deps, auth, automodWrite);
  const anonymous = input.anonymous ?? writer.anonymousByDefault;
  // A locked thread or a sanction refuses the reply here, after the assessor: words written in crisis are kept (holds.ts).
  const hold = holdForWrite(auth, { groupId: head.post.groupId, assessment, lockedThread: head.post.lockedAt !== null, sanctions: writer.sanctions });
  // A reply the author of a held post writes under it is kept with the post: held too, so that only they and
  // the safety team see it, and it moves no counter (to others the post reads as removed, which takes no replies).
  const keptWithPost = head.post.status === 'held';
  const automod = await decideAutomod(deps, auth, automodWrite, writer.automod);
  const { reply, safety, alias, automodEvents } = await deps.db.transaction(async (tx) => {
    const threadAlias = anonymous ? await aliasFor(tx, postId, auth.user.id) : null;
    const row = await queries.insertReply(tx, {
      postId,
      parentId: input.parentId ?? null,
      depth,
      authorId: auth.user.id,
      anonymous,
      body: input.body,
      bodyHtml,
      ...withAutomod(automod, hold || keptWithPost ? { status: 'held', heldBy: hold ?? 'assessor' } : { status: 'visible', heldBy: null }),
    });
    const recorded = await recordSafety(tx, deps, { contentType: 'reply', contentId: row.id, authorId: auth.user.id, assessment, now: deps.clock.now() });
    const automodEvents = await recordAutomod(tx, deps, automod, { contentType: 'reply', contentId: row.id, authorId: auth.user.id, groupId: head.post.groupId });
    const notifyEvents = await notifyOfReply(tx, deps, { postAuthorId: head.post.authorId, parentAuthorId, actorId: auth.user.id, anonymous, postId, replyId: row.id, body: input.body });
    const newReply = await recordNewReply(tx, deps.live, postId, row.id);
    return { reply: row, safety: recorded, alias: threadAlias, automodEvents: [...automodEvents, ...notifyEvents, newReply] };
  });
  await deps.live.announce(automodEvents);
  // A held reply moves no counter (count, activity, answered): others must not learn it exists.
  if (reply.status === 'visible') await queries.recordReplyOnPost(deps.db, postId, reply.id, queries.answersPost(head.post, { authorId: auth.user.id, anonymous, status: 'visible' }));
  // The support card speaks of the reply's own words: "held" only when they describe a method (or were kept, holds.ts).
  const support = await afterWrite(deps, { ...safety, assessment, hold }, context);
  const presented = presentReply(
    reply,
    { authorId: auth.user.id, anonymous, handle: auth.user.handle, role: auth.user.role, alias },
    { mine: [], counts: head.group.showReactionCounts ? {} : null, reactors: [] },
    viewerOf(auth),
  );
  return { reply: presented, support };
}

/**
 * Who hears of a new reply: the post's author, the author of the reply it
 * answers, and anyone @mentioned, each once and never the writer. A held reply
 * is written to their lists but shown to none of them until it is visible.
 */
async function notifyOfReply(
  tx: Parameters<Parameters<WriteDeps['db']['transaction']>[0]>[0],
  deps: WriteDeps,
  input: { postAuthorId: string; parentAuthorId: string | null; actorId: string; anonymous: boolean; postId: string; replyId: string; body: string },
): Promise<LiveEvent[]> {
  const events: (LiveEvent | null)[] = [];
  const common = { actorId: input.actorId, anonymous: input.anonymous, postId: input.postId, replyId: input.replyId };
  events.push(await notify(tx, deps, { kind: 'reply_to_post', recipientId: input.postAuthorId, ...common }));
  if (input.parentAuthorId && input.parentAuthorId !== input.postAuthorId) {
    events.push(await notify(tx, deps, { kind: 'reply_to_reply', recipientId: input.parentAuthorId, ...common }));
  }
  const told = [input.postAuthorId, ...(input.parentAuthorId ? [input.parentAuthorId] : [])];
  events.push(...(await notifyMentions(tx, deps, { text: input.body, ...common, alreadyTold: told })));
  return events.filter((event) => event !== null);
}

/**
 * Only a visible post takes replies and reactions. Nothing that others could see
 * grows under a held post: a new reply or reaction under it would show them it is
 * not simply removed. Its author may still write under it (those replies are kept
 * with the post, seen only by them and staff: a person in crisis is never made to
 * stop writing). Refused as the viewer sees the post (policies.ts postView): its
 * author and staff are told it is held; everyone else gets the same refusal for a
 * held and a removed post.
 */
function assertPostTakes(post: { authorId: string; status: string }, auth: AuthContext, what: 'replies' | 'reactions'): void {
  if (post.status === 'visible') return;
  if (post.status === 'held' && what === 'replies' && post.authorId === auth.user.id) return;
  if (post.status === 'held' && postPolicy.postView(post, auth) === 'full') {
    throw unprocessable('post_held', `This post is held for review, so it cannot take ${what} yet.`);
  }
  throw unprocessable('post_removed', `This post is no longer available, so it cannot take ${what}.`);
}

/** Whether a block hides this content from the viewer (only content under a handle, see postPolicy.hiddenByBlock). */
async function hiddenByBlock(deps: Pick<Deps, 'db'>, auth: AuthContext, content: { authorId: string; anonymous: boolean }): Promise<boolean> {
  if (!postPolicy.hiddenByBlock({ blocked: true, anonymous: content.anonymous }, auth)) return false;
  return blockExistsBetween(deps.db, auth.user.id, content.authorId);
}

export async function updatePost(deps: WriteDeps, auth: AuthContext, postId: string, input: z.output<typeof updatePostRequestSchema>, context: WriteContext) {
  const head = await requireReadableThread(deps, auth, postId);
  if (!postPolicy.canEdit(head.post.authorId, auth)) throw forbidden('Only the author can edit a post.');
  if (head.post.status === 'removed_by_author' || head.post.status === 'removed_by_staff') throw unprocessable('post_removed', 'A removed post cannot be edited.');
  const title = input.title ?? head.post.title;
  const body = input.body ?? head.post.body;
  // An edit is new writing: it is assessed like a new post (before a sanction refuses it: holds.ts).
  const assessment = await assessForWrite(deps.db, auth.user.id, `${title}\n\n${body}`);
  const automodWrite = { contentType: 'post', write: 'edit', groupId: head.post.groupId, text: `${title}\n\n${body}`, body, assessment } as const;
  const writer = await writerContext(deps, auth, automodWrite);
  const hold = holdForWrite(auth, { groupId: head.post.groupId, assessment, sanctions: writer.sanctions });
  const held = hold !== null;
  const previousLevelWasHigh = await queries.newestLevelIsHigh(deps.db, 'post', postId);
  // Changed, not merely sent: the edit form sends the warning as it stands with every edit.
  const writerChangedWarning =
    (input.contentWarning !== undefined && (input.contentWarning || null) !== head.post.contentWarning) ||
    (input.contentWarningTopics !== undefined &&
      [...input.contentWarningTopics].sort().join(',') !== [...head.post.contentWarningTopics].sort().join(','));
  const warning = warningAfterEdit({
    assessment: publicSignal(assessment),
    held,
    previousLevelWasHigh,
    writerChangedWarning,
    current: {
      contentWarning: input.contentWarning !== undefined ? input.contentWarning || null : head.post.contentWarning,
      contentWarningTopics: input.contentWarningTopics ?? head.post.contentWarningTopics,
      autoContentWarning: head.post.autoContentWarning,
    },
  });
  const automod = await decideAutomod(deps, auth, automodWrite, writer.automod);
  const { safety, automodEvents } = await deps.db.transaction(async (tx) => {
    // Earlier versions are kept for staff: edits must not erase what was said.
    await queries.insertRevision(tx, { contentType: 'post', contentId: postId, title: head.post.title, body: head.post.body, contentWarning: head.post.contentWarning });
    await queries.updatePost(tx, postId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.body !== undefined ? { body: input.body, bodyHtml: renderMarkdown(input.body), excerpt: excerptOf(input.body) } : {}),
      ...(input.contentWarning !== undefined ? { contentWarning: input.contentWarning || null } : {}),
      ...(input.contentWarningTopics !== undefined ? { contentWarningTopics: input.contentWarningTopics } : {}),
      ...(input.mood !== undefined ? { mood: input.mood } : {}),
      ...(warning ?? {}),
      // Last: a warning automod adds never replaces one the writer (or #chatsafe) set.
      ...withAutomod(automod, statusAfterEdit(head.post, hold), { ...head.post, contentWarning: warning?.contentWarning ?? (input.contentWarning !== undefined ? input.contentWarning || null : head.post.contentWarning) }),
      editedAt: deps.clock.now(),
    });
    const automodEvents = await recordAutomod(tx, deps, automod, { contentType: 'post', contentId: postId, authorId: auth.user.id, groupId: head.post.groupId });
    automodEvents.push(await recordPostChange(tx, deps.live, postId));
    return { safety: await recordSafety(tx, deps, { contentType: 'post', contentId: postId, authorId: auth.user.id, assessment, now: deps.clock.now() }), automodEvents };
  });
  await deps.live.announce(automodEvents);
  const support = await afterWrite(deps, { ...safety, assessment, hold }, context);
  return { ...(await getThread(deps, auth, postId, context)), support };
}

export async function removePost(deps: Pick<Deps, 'db' | 'live'>, auth: AuthContext, postId: string) {
  const head = await requireReadableThread(deps, auth, postId);
  if (!postPolicy.canEdit(head.post.authorId, auth)) throw forbidden('Only the author can remove a post.');
  // The row stays (replies keep their context; staff keep the record); readers see "removed by the author".
  const event = await deps.db.transaction(async (tx) => {
    await queries.updatePost(tx, postId, { status: 'removed_by_author' });
    return recordPostChange(tx, deps.live, postId);
  });
  await deps.live.announce([event]);
}

async function requireOwnReply(deps: Pick<Deps, 'db'>, auth: AuthContext, replyId: string) {
  const reply = await queries.findReply(deps.db, replyId);
  if (!reply) throw notFound('That reply');
  await requireReadableThread(deps, auth, reply.postId);
  if (!postPolicy.canEdit(reply.authorId, auth)) throw forbidden('Only the author can change a reply.');
  if (reply.status === 'removed_by_author' || reply.status === 'removed_by_staff') throw unprocessable('reply_removed', 'A removed reply cannot be changed.');
  return reply;
}

export async function updateReply(deps: WriteDeps, auth: AuthContext, replyId: string, body: string, context: WriteContext) {
  const reply = await requireOwnReply(deps, auth, replyId);
  const { post } = await requireReadableThread(deps, auth, reply.postId);
  const assessment = await assessForWrite(deps.db, auth.user.id, body);
  const automodWrite = { contentType: 'reply', write: 'edit', groupId: post.groupId, text: body, body, assessment } as const;
  const writer = await writerContext(deps, auth, automodWrite);
  const hold = holdForWrite(auth, { groupId: post.groupId, assessment, sanctions: writer.sanctions });
  const automod = await decideAutomod(deps, auth, automodWrite, writer.automod);
  const after = withAutomod(automod, statusAfterEdit(reply, hold), reply);
  const { safety, automodEvents } = await deps.db.transaction(async (tx) => {
    await queries.insertRevision(tx, { contentType: 'reply', contentId: replyId, body: reply.body });
    await queries.updateReply(tx, replyId, {
      body,
      bodyHtml: renderMarkdown(body),
      editedAt: deps.clock.now(),
      ...after,
    });
    const automodEvents = await recordAutomod(tx, deps, automod, { contentType: 'reply', contentId: replyId, authorId: auth.user.id, groupId: post.groupId });
    automodEvents.push(await recordReplyChange(tx, deps.live, reply.postId, replyId, reply.status));
    return { safety: await recordSafety(tx, deps, { contentType: 'reply', contentId: replyId, authorId: auth.user.id, assessment, now: deps.clock.now() }), automodEvents };
  });
  await deps.live.announce(automodEvents);
  // Held or released by this edit: the thread's counters follow what readers can now see.
  if (after.status !== undefined && after.status !== reply.status) await queries.recomputeThreadCounters(deps.db, reply.postId);
  const support = await afterWrite(deps, { ...safety, assessment, hold }, context);
  return { ...(await getThread(deps, auth, reply.postId, context)), support };
}

export async function removeReply(deps: Pick<Deps, 'db' | 'live'>, auth: AuthContext, replyId: string) {
  const reply = await requireOwnReply(deps, auth, replyId);
  const event = await deps.db.transaction(async (tx) => {
    await queries.updateReply(tx, replyId, { status: 'removed_by_author' });
    return recordReplyChange(tx, deps.live, reply.postId, replyId, reply.status);
  });
  await deps.live.announce([event]);
  // A removed reply still shows (as "removed") but no longer answers the post.
  await queries.recomputeThreadCounters(deps.db, reply.postId);
}

export async function setReaction(deps: Pick<Deps, 'db' | 'clock' | 'live'>, auth: AuthContext, target: { type: 'post' | 'reply'; id: string }, kind: ReactionKind, on: boolean) {
  let authorId: string;
  let groupId: string;
  let postId: string;
  if (target.type === 'post') {
    const { post } = await requireReadableThread(deps, auth, target.id);
    assertPostTakes(post, auth, 'reactions');
    authorId = post.authorId;
    groupId = post.groupId;
    postId = post.id;
  } else {
    const reply = await queries.findReply(deps.db, target.id);
    if (!reply) throw notFound('That reply');
    const head = await requireReadableThread(deps, auth, reply.postId);
    if (reply.status !== 'visible' || (await hiddenByBlock(deps, auth, reply))) throw notFound('That reply');
    authorId = reply.authorId;
    groupId = head.post.groupId;
    postId = reply.postId;
  }
  if (on) await assertMayWrite(deps.db, auth.user.id, deps.clock.now(), groupId);
  if (authorId === auth.user.id) throw unprocessable('own_content', 'Reactions are for other people’s words.');
  const events = await deps.db.transaction(async (tx) => {
    if (on) await queries.addReaction(tx, { contentType: target.type, contentId: target.id, userId: auth.user.id, kind });
    else await queries.removeReaction(tx, target.type, target.id, auth.user.id, kind);
    // One unread notification per piece of content gathers everyone who sends care (never one per reaction).
    const told = on ? await notify(tx, deps, { kind: 'reaction', recipientId: authorId, actorId: auth.user.id, postId, replyId: target.type === 'reply' ? target.id : null }) : null;
    const changed = await recordReactions(tx, deps.live, postId, target, auth.user.id);
    return told ? [told, changed] : [changed];
  });
  await deps.live.announce(events);
}

/** Earlier versions of a post or reply: staff only (members see "edited"). */
export async function listRevisions(deps: Pick<Deps, 'db'>, auth: AuthContext, contentType: 'post' | 'reply', contentId: string) {
  if (!isStaffRole(auth.user.role)) throw forbidden('Only staff can see earlier versions.');
  return queries.listRevisions(deps.db, contentType, contentId);
}
