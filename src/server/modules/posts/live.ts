import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../../shared/api/accounts.js';
import { COMMUNITY_LIVE, groupChannelOf, threadChannelOf, type GroupPostPayload, type ThreadEventPayload } from '../../../shared/api/community-live.js';
import type { Database } from '../../db/index.js';
import { groupMembers, groups } from '../../db/schema/index.js';
import type { LiveEvent, LiveHub } from '../../live/hub.js';
import { blockedWith } from './blocked-reactors.js';
import { postPolicy } from './policies.js';
import { presentPostSummary, presentReactions, presentReply, presentReplyPlaceholder, type Viewer } from './presenters.js';
import { findThreadHead, type ThreadHead } from './queries.js';
import { findReplyInThread } from './thread-queries.js';
import { isStaffRole } from './visibility.js';

/**
 * Threads and group pages, live (issue 15 part 3). A change is recorded as a
 * row on the thread's or the group's channel, in the transaction that makes
 * it, holding ids only (never a body, a handle or an author). Each node then
 * reads the content once and presents it with the REST presenters to the
 * sockets listening there, grouped by AUDIENCE (what they may see: ordinary
 * readers, the writer, staff, a member whose reaction it is...), one
 * serialisation per audience. A reader who may not see it gets nothing; one
 * who saw it and no longer may is told it is gone. Replays of a channel go
 * through the same presentation, so a resumed socket sees what it may see now.
 */

export const threadChannel = threadChannelOf;
export const groupChannel = groupChannelOf;

/** Event types on a thread's channel (as rows) and as sent to readers (shared/api/community-live.ts: the payloads). */
export const THREAD_REPLY = COMMUNITY_LIVE.reply;
export const THREAD_REPLY_CHANGED = COMMUNITY_LIVE.replyChanged;
export const THREAD_REACTIONS = COMMUNITY_LIVE.reactions;
export const THREAD_POST_CHANGED = COMMUNITY_LIVE.postChanged;
/** A new post on a group's channel. */
export const GROUP_POST = COMMUNITY_LIVE.groupPost;

/** A topic a socket may ask for: a thread or a group, by id. */
export const TOPIC_PATTERN = /^(thread|group):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

type Recorder = Pick<LiveHub, 'record'>;

export function recordNewReply(tx: Database, live: Recorder, postId: string, replyId: string): Promise<LiveEvent> {
  return live.record(tx, threadChannel(postId), THREAD_REPLY, { postId, replyId });
}

/** An edit, a removal, a hold or a release: `previousStatus` says who could see it before, so those who saw it hear it is gone. */
export function recordReplyChange(tx: Database, live: Recorder, postId: string, replyId: string, previousStatus: string): Promise<LiveEvent> {
  return live.record(tx, threadChannel(postId), THREAD_REPLY_CHANGED, { postId, replyId, previousStatus });
}

/** `userId`: who reacted (their other tabs show their own reaction); stays on the server. */
export function recordReactions(tx: Database, live: Recorder, postId: string, target: { type: 'post' | 'reply'; id: string }, userId: string): Promise<LiveEvent> {
  return live.record(tx, threadChannel(postId), THREAD_REACTIONS, { postId, targetType: target.type, targetId: target.id, userId });
}

export function recordPostChange(tx: Database, live: Recorder, postId: string): Promise<LiveEvent> {
  return live.record(tx, threadChannel(postId), THREAD_POST_CHANGED, { postId });
}

export function recordNewPost(tx: Database, live: Recorder, groupId: string, postId: string): Promise<LiveEvent> {
  return live.record(tx, groupChannel(groupId), GROUP_POST, { groupId, postId });
}

/** One socket's member, as the gateway knows them now (the role is re-read before each event). */
export interface Listener {
  userId: string;
  role: Role;
}

export interface Delivery<L extends Listener> {
  /** The whole message each listener is sent (`{type:'event', event}`), one string per audience; absent: nothing for them. */
  messages: Map<L, string>;
  /** Listeners who may no longer read the topic (they left a private group, a block, a thread gone): unsubscribe them. */
  revoked: L[];
  /** Strings serialised for this event: one per audience, however many sockets. */
  serialisations: number;
}

const NO_ONE = '00000000-0000-0000-0000-000000000000';

const viewerOf = (listener: Listener): Viewer => ({ id: listener.userId, isStaff: isStaffRole(listener.role) });
const authOf = (listener: Listener) => ({ user: { id: listener.userId, role: listener.role } });

/** The listeners who are active members of the group. */
async function activeMembers(db: Database, groupId: string, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: groupMembers.userId })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), inArray(groupMembers.userId, userIds), eq(groupMembers.status, 'active')));
  return new Set(rows.map((row) => row.userId));
}

/** The listeners with a block between them and `authorId`, in either direction. */

/** Groups listeners by audience key and serialises one message per audience. */
class Audiences<L extends Listener> {
  private readonly byKey = new Map<string, { listeners: L[]; build: () => ThreadEventPayload | GroupPostPayload }>();
  add(listener: L, key: string, build: () => ThreadEventPayload | GroupPostPayload): void {
    const audience = this.byKey.get(key);
    if (audience) audience.listeners.push(listener);
    else this.byKey.set(key, { listeners: [listener], build });
  }
  serialise(event: LiveEvent, revoked: L[]): Delivery<L> {
    const messages = new Map<L, string>();
    for (const { listeners, build } of this.byKey.values()) {
      const text = JSON.stringify({ type: 'event', event: { id: event.id, channel: event.channel, type: event.type, createdAt: event.createdAt, payload: build() } });
      for (const listener of listeners) messages.set(listener, text);
    }
    return { messages, revoked, serialisations: this.byKey.size };
  }
}

/** Whether the listener may read the thread now (its group, and a block against the post's named author). */
function readsThread(head: ThreadHead, listener: Listener, members: Set<string>, blockedWithPostAuthor: Set<string>): boolean {
  return postPolicy.canReadThread(
    { ...head, membership: members.has(listener.userId) ? { status: 'active', role: 'member' } : null, blocked: blockedWithPostAuthor.has(listener.userId) },
    authOf(listener),
  );
}

/**
 * What each listener of a thread or group channel is sent for this event (see
 * the module comment). Reads the content once, whatever the number of
 * listeners: the head, the reply, memberships and blocks in bulk.
 */
export async function presentTopicEvent<L extends Listener>(db: Database, event: LiveEvent, listeners: L[]): Promise<Delivery<L>> {
  const audiences = new Audiences<L>();
  const revoked: L[] = [];
  const postId = event.payload.postId as string;
  const head = await findThreadHead(db, postId, NO_ONE);
  if (!head) return audiences.serialise(event, listeners);
  const userIds = [...new Set(listeners.map((listener) => listener.userId))];
  const [members, blockedWithPostAuthor] = await Promise.all([activeMembers(db, head.post.groupId, userIds), blockedWith(db, head.post.authorId, userIds)]);

  if (event.type === GROUP_POST) {
    // Moved to another group since: this group's readers hear nothing of it.
    if (head.post.groupId !== event.payload.groupId) return audiences.serialise(event, []);
    const group = { id: head.group.id, slug: head.group.slug, name: head.group.name };
    for (const listener of listeners) {
      if (!readsGroup(head.group, listener, members)) {
        revoked.push(listener);
        continue;
      }
      // The feed's rule (visibility.ts listableStatus and hiddenByBlock): visible posts, and held ones to their writer and staff.
      const staff = isStaffRole(listener.role);
      const isAuthor = head.post.authorId === listener.userId;
      const listable = head.post.status === 'visible' || (head.post.status === 'held' && (isAuthor || staff));
      if (!listable || postPolicy.hiddenByBlock({ blocked: blockedWithPostAuthor.has(listener.userId), anonymous: head.post.anonymous }, authOf(listener))) continue;
      audiences.add(listener, isAuthor ? 'author' : 'reader', () => ({
        groupId: head.post.groupId,
        post: presentPostSummary(
          { post: head.post, group, author: { authorId: head.post.authorId, anonymous: head.post.anonymous, handle: head.authorHandle, role: head.authorRole, alias: head.alias } },
          viewerOf(listener),
        ),
      }));
    }
    return audiences.serialise(event, revoked);
  }

  const readers = listeners.filter((listener) => {
    if (readsThread(head, listener, members, blockedWithPostAuthor)) return true;
    revoked.push(listener);
    return false;
  });

  if (event.type === THREAD_POST_CHANGED || (event.type === THREAD_REACTIONS && event.payload.targetType === 'post')) {
    // The post is read again by REST (its presenters), so the signal carries nothing but the thread's id; a reaction
    // only to those whose view of it changes (counts shown, the author, the member who reacted).
    for (const listener of readers) {
      if (event.type === THREAD_REACTIONS && !head.group.showReactionCounts && listener.userId !== head.post.authorId && listener.userId !== event.payload.userId) continue;
      audiences.add(listener, 'all', () => ({ postId }));
    }
    return audiences.serialise(event, revoked);
  }

  const replyId = (event.type === THREAD_REACTIONS ? event.payload.targetId : event.payload.replyId) as string;
  const row = await findReplyInThread(db, postId, replyId, NO_ONE);
  if (!row) return audiences.serialise(event, revoked);
  const { reply } = row;
  const blockedWithReplyAuthor = await blockedWith(db, reply.authorId, readers.map((listener) => listener.userId));
  const previousStatus = event.payload.previousStatus as string | undefined;
  for (const listener of readers) {
    const auth = authOf(listener);
    const blocked = postPolicy.hiddenByBlock({ blocked: blockedWithReplyAuthor.has(listener.userId), anonymous: reply.anonymous }, auth);
    const view = blocked ? 'none' : postPolicy.replyView(reply, row.shown, auth);
    if (event.type === THREAD_REACTIONS) {
      const concerned = head.group.showReactionCounts || listener.userId === reply.authorId || listener.userId === event.payload.userId;
      if (view !== 'full' || !concerned) continue;
    }
    if (view === 'none') {
      // Gone for them: only those who saw it are told (a reply they were never shown leaves no trace).
      const sawIt =
        previousStatus !== undefined && !blocked && postPolicy.replyView({ authorId: reply.authorId, status: previousStatus }, previousStatus === 'visible' || row.shown, auth) !== 'none';
      if (sawIt) audiences.add(listener, 'gone', () => ({ postId, replyId: reply.id, gone: true }));
      continue;
    }
    if (view === 'placeholder') {
      audiences.add(listener, 'placeholder', () => ({ postId, reply: presentReplyPlaceholder(reply) }));
      continue;
    }
    const isAuthor = reply.authorId === listener.userId;
    // The author is shown reactors by name, never one with a block either way (blocked-reactors.ts); nor pushed
    // anything for such a member's reaction.
    const hiddenReactors = isAuthor ? await blockedWith(db, listener.userId, row.reactions.map((reaction) => reaction.userId)) : undefined;
    if (isAuthor && event.type === THREAD_REACTIONS && hiddenReactors?.has(event.payload.userId as string)) continue;
    const mine = row.reactions.filter((reaction) => reaction.userId === listener.userId).map((reaction) => reaction.kind).sort().join(',');
    audiences.add(listener, `full:${isAuthor}:${mine}`, () => ({
      postId,
      reply: presentReply(
        reply,
        { authorId: reply.authorId, anonymous: reply.anonymous, handle: row.authorHandle, role: row.authorRole, alias: row.alias },
        presentReactions(row.reactions, reply.authorId, viewerOf(listener), head.group.showReactionCounts, hiddenReactors),
        viewerOf(listener),
      ),
    }));
  }
  return audiences.serialise(event, revoked);
}

function readsGroup(group: { visibility: string }, listener: Listener, members: Set<string>): boolean {
  return group.visibility === 'public' || members.has(listener.userId) || isStaffRole(listener.role);
}

/**
 * Whether this member may listen to the topic now: a thread they may read (postPolicy.canReadThread,
 * as REST), or a group they may read (public, an active member, or staff).
 */
export async function mayListen(db: Database, listener: Listener, topic: { kind: 'thread' | 'group'; id: string }): Promise<boolean> {
  if (topic.kind === 'thread') {
    const head = await findThreadHead(db, topic.id, listener.userId);
    return head !== undefined && postPolicy.canReadThread(head, authOf(listener));
  }
  const [group] = await db.select({ visibility: groups.visibility }).from(groups).where(eq(groups.id, topic.id)).limit(1);
  if (!group) return false;
  return readsGroup(group, listener, await activeMembers(db, topic.id, [listener.userId]));
}
