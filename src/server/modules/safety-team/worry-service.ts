import { and, count, eq, gt } from 'drizzle-orm';
import type { WorryResponse } from '../../../shared/api/safety-review.js';
import { SAFETY_LIVE } from '../../../shared/api/safety-live.js';
import type { Deps } from '../../deps.js';
import { safetyReviewItems, users } from '../../db/schema/index.js';
import { AppError, notFound, unprocessable } from '../../http/errors.js';
import { staffChannel } from '../../live/hub.js';
import type { AuthContext } from '../accounts/session-service.js';
import { recordAudit } from '../audit/record.js';
import { blockExistsBetween } from '../boundaries/queries.js';
import { postPolicy } from '../posts/policies.js';
import { findReply, findThreadHead } from '../posts/queries.js';
import { isStaffRole } from '../posts/visibility.js';

/**
 * Abuse controls for "I'm worried about this person" (Reddit's "Cares" button
 * became a harassment tool): one report per reporter per piece of content per
 * day (a unique index), and at most this many reports per reporter in 24 hours.
 */
export const WORRY_DAILY_LIMIT = 10;
const DAY_MS = 86_400_000;

const RAISED =
  'Thank you for looking out for them. Our safety team will read this and decide whether to reach out. The writer won’t know who asked. If you think they are in danger right now, call your local emergency number. “Get help now” has lines for you as a helper too.';
const ALREADY =
  'You already asked our safety team about this today, and they will read it. Thank you for caring. If you think they are in danger right now, call your local emergency number.';

type WorryDeps = Pick<Deps, 'db' | 'live' | 'clock'>;

/**
 * What the reporter may read, as the thread shows it to them (posts/policies.ts):
 * content they cannot see in full (a placeholder, a block, a private group) is
 * "not found", whatever the reason, so the answer never says why.
 */
async function requireReadable(deps: Pick<Deps, 'db'>, auth: AuthContext, contentType: 'post' | 'reply', contentId: string): Promise<{ authorId: string }> {
  const staff = isStaffRole(auth.user.role);
  const readableStatus = (status: string) => status === 'visible' || (staff && status === 'held');
  if (contentType === 'post') {
    const head = await findThreadHead(deps.db, contentId, auth.user.id);
    if (!head) throw notFound('That post');
    if (head.post.authorId === auth.user.id) throw ownContent('post');
    if (!postPolicy.canReadThread(head, auth) || !readableStatus(head.post.status)) throw notFound('That post');
    return { authorId: head.post.authorId };
  }
  const reply = await findReply(deps.db, contentId);
  if (!reply) throw notFound('That reply');
  if (reply.authorId === auth.user.id) throw ownContent('reply');
  const head = await findThreadHead(deps.db, reply.postId, auth.user.id);
  if (!head || !postPolicy.canReadThread(head, auth) || !readableStatus(reply.status)) throw notFound('That reply');
  if (postPolicy.hiddenByBlock({ blocked: true, anonymous: reply.anonymous }, auth) && (await blockExistsBetween(deps.db, auth.user.id, reply.authorId))) {
    throw notFound('That reply');
  }
  return { authorId: reply.authorId };
}

function ownContent(what: 'post' | 'reply') {
  return unprocessable(
    'own_content',
    `This is your own ${what}. If you are having a hard time, you don’t have to wait for someone to notice: “Get help now” (/help) has people you can talk to right now, and the support card on your post can reach our team.`,
  );
}

function tooMany() {
  return new AppError(
    429,
    'worry_limit',
    'You have asked our safety team about a lot of posts today, so we can’t take more just now. Thank you for caring about people here. If someone is in danger right now, call your local emergency number.',
    undefined,
    { 'retry-after': String(DAY_MS / 1000) },
  );
}

/**
 * "I'm worried about this person": a review item with the reporter's words.
 * The author is never told and nothing they can read changes; the only event
 * goes to the staff channel.
 */
export async function raiseWorry(deps: WorryDeps, auth: AuthContext, input: { contentType: 'post' | 'reply'; contentId: string; words?: string | undefined }): Promise<WorryResponse> {
  const { authorId } = await requireReadable(deps, auth, input.contentType, input.contentId);
  // The Hearth Safety account's automatic reply is no person to worry about; the post it answers is.
  const [author] = await deps.db.select({ isSystem: users.isSystem }).from(users).where(eq(users.id, authorId)).limit(1);
  if (author?.isSystem) {
    throw unprocessable('automatic_message', 'This is an automatic message from Hearth, not a person. If you are worried about the person who wrote the post, use “I’m worried about this person” on their post.');
  }
  const now = deps.clock.now();
  const reportDay = now.toISOString().slice(0, 10);
  const outcome = await deps.db.transaction(async (tx) => {
    // One reporter's reports are decided one at a time: the daily limit holds under concurrent requests.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, auth.user.id)).for('update');
    const sameTarget = and(
      eq(safetyReviewItems.kind, 'worry'),
      eq(safetyReviewItems.reporterId, auth.user.id),
      eq(safetyReviewItems.contentType, input.contentType),
      eq(safetyReviewItems.contentId, input.contentId),
      eq(safetyReviewItems.reportDay, reportDay),
    );
    const [already] = await tx.select({ id: safetyReviewItems.id }).from(safetyReviewItems).where(sameTarget).limit(1);
    if (already) return null;
    const [recent] = await tx
      .select({ n: count() })
      .from(safetyReviewItems)
      .where(and(eq(safetyReviewItems.kind, 'worry'), eq(safetyReviewItems.reporterId, auth.user.id), gt(safetyReviewItems.createdAt, new Date(now.getTime() - DAY_MS))));
    if ((recent?.n ?? 0) >= WORRY_DAILY_LIMIT) throw tooMany();
    const [item] = await tx
      .insert(safetyReviewItems)
      .values({
        kind: 'worry',
        contentType: input.contentType,
        contentId: input.contentId,
        subjectId: authorId,
        reporterId: auth.user.id,
        reporterWords: input.words ? input.words : null,
        reportDay,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: safetyReviewItems.id });
    if (!item) return null;
    await recordAudit(tx, { actorId: auth.user.id, action: 'safety.worry_raised', targetType: 'safety_review_item', targetId: item.id, details: { contentType: input.contentType } });
    return deps.live.record(tx, staffChannel, SAFETY_LIVE.reviewChanged, { itemId: item.id });
  });
  if (!outcome) return { status: 'already_raised', message: ALREADY, helpPath: '/help' };
  await deps.live.announce([outcome]);
  return { status: 'raised', message: RAISED, helpPath: '/help' };
}
