import { and, eq, sql } from 'drizzle-orm';
import type { ReportTarget } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { conversationParticipants, messages, users } from '../../db/schema/index.js';
import { AppError, unprocessable } from '../../http/errors.js';
import type { AuthContext } from '../accounts/session-service.js';
import { blockExistsBetween } from '../boundaries/queries.js';
import { postPolicy } from '../posts/policies.js';
import { findReply, findThreadHead } from '../posts/queries.js';

/** What a report is about, once the reporter is known to be able to see it. */
export interface ResolvedTarget {
  type: ReportTarget;
  id: string;
  /** The content's author, or the member reported. */
  subjectId: string;
  /** The content's group; null for members and messages (site-wide items). */
  groupId: string | null;
}

/** One answer for missing and hidden alike, so a refusal never says why (held, removed, private, blocked). */
const notVisible = (what: string) => new AppError(404, 'not_found', `${what} was not found.`, 'targetId');

const own = (what: string) =>
  unprocessable('own_content', `This is your own ${what}, so it cannot be reported. You can edit or remove it yourself.`, 'targetId');

const automatic = () =>
  unprocessable('automatic_message', 'This is an automatic message from Hearth, not a person, so it cannot be reported.', 'targetId');

async function isSystemAccount(db: Database, userId: string): Promise<boolean> {
  const [row] = await db.select({ isSystem: users.isSystem }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.isSystem ?? false;
}

/**
 * The target as the reporter sees it (posts/policies.ts decides, as the thread
 * shows it): only content they can read in full, never their own, never an
 * automatic message. Anything they cannot see is the same 404.
 */
export async function resolveReportTarget(
  db: Database,
  auth: AuthContext,
  input: { targetType: ReportTarget; targetId?: string | undefined; targetHandle?: string | undefined },
): Promise<ResolvedTarget> {
  const viewer = auth.user.id;
  if (input.targetType === 'member') {
    const where = input.targetId ? eq(users.id, input.targetId) : sql`lower(${users.handle}) = lower(${input.targetHandle ?? ''})`;
    const [member] = await db.select({ id: users.id, isSystem: users.isSystem }).from(users).where(where).limit(1);
    if (!member || member.isSystem) throw notVisible('That member');
    if (member.id === viewer) throw unprocessable('own_account', 'You cannot report yourself.', input.targetId ? 'targetId' : 'targetHandle');
    return { type: 'member', id: member.id, subjectId: member.id, groupId: null };
  }
  const targetId = input.targetId!;
  if (input.targetType === 'post') {
    const head = await findThreadHead(db, targetId, viewer);
    if (!head) throw notVisible('That post');
    if (head.post.authorId === viewer) throw own('post');
    if (!postPolicy.canReadThread(head, auth) || postPolicy.postView(head.post, auth) !== 'full' || head.post.status !== 'visible') throw notVisible('That post');
    if (await isSystemAccount(db, head.post.authorId)) throw automatic();
    return { type: 'post', id: head.post.id, subjectId: head.post.authorId, groupId: head.group.id };
  }
  if (input.targetType === 'reply') {
    const reply = await findReply(db, targetId);
    if (!reply) throw notVisible('That reply');
    if (reply.authorId === viewer) throw own('reply');
    const head = await findThreadHead(db, reply.postId, viewer);
    if (!head || !postPolicy.canReadThread(head, auth) || reply.status !== 'visible') throw notVisible('That reply');
    if (postPolicy.hiddenByBlock({ blocked: true, anonymous: reply.anonymous }, auth) && (await blockExistsBetween(db, viewer, reply.authorId))) {
      throw notVisible('That reply');
    }
    if (reply.automatic || (await isSystemAccount(db, reply.authorId))) throw automatic();
    return { type: 'reply', id: reply.id, subjectId: reply.authorId, groupId: head.group.id };
  }
  // A message: only in a conversation the reporter takes part in.
  const [message] = await db
    .select({ id: messages.id, senderId: messages.senderId, status: messages.status, asTeam: messages.asTeam })
    .from(messages)
    .innerJoin(conversationParticipants, and(eq(conversationParticipants.conversationId, messages.conversationId), eq(conversationParticipants.userId, viewer)))
    .where(eq(messages.id, targetId))
    .limit(1);
  if (!message || message.status !== 'visible' || !message.senderId) throw notVisible('That message');
  if (message.senderId === viewer) throw own('message');
  if (await isSystemAccount(db, message.senderId)) throw automatic();
  return { type: 'message', id: message.id, subjectId: message.senderId, groupId: null };
}
