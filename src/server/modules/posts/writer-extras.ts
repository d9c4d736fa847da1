import type { Post, Reply } from '../../../shared/api/community.js';
import type { Deps } from '../../deps.js';
import type { AuthContext } from '../accounts/session-service.js';
import { automodHeldReasons } from '../moderation/automod-held.js';
import { extrasKey, loadWriterExtras, type WriterItem } from '../safety-team/writer-card.js';

/** Where the writer is, for the crisis lines on their support card. */
export interface WriteContext {
  countryCode: string | null;
}

/**
 * The author's own view only: the durable support card of their post and
 * replies (until folded), the safety team's decision about held content, and
 * that the content warning was added automatically. Nobody else's view changes
 * shape: any of these on someone else's content would tell them it was flagged.
 * A page of replies carries no post (`post` absent): only its own replies get them.
 */
export async function withWriterExtras<T extends { post?: Post; replies: Reply[] }>(deps: Pick<Deps, 'db' | 'clock'>, auth: AuthContext, thread: T, context?: WriteContext): Promise<T> {
  const ownPost = thread.post?.author?.isYou ? thread.post : undefined;
  const items: WriterItem[] = [];
  if (ownPost) items.push({ contentType: 'post', contentId: ownPost.id, status: ownPost.status });
  for (const reply of thread.replies) if (reply.author?.isYou) items.push({ contentType: 'reply', contentId: reply.id, status: reply.status });
  if (items.length === 0) return thread;
  const extras = await loadWriterExtras(deps.db, auth.user.id, items, { countryCode: context?.countryCode ?? auth.user.country ?? null, now: deps.clock.now() });
  // Held by automod: the writer reads the rule's name.
  const named = await automodHeldReasons(deps.db, [
    ...(ownPost ? [{ contentType: 'post' as const, contentId: ownPost.id, heldBy: ownPost.heldBy }] : []),
    ...thread.replies.map((reply) => ({ contentType: 'reply' as const, contentId: reply.id, heldBy: reply.heldBy })),
  ]);
  const replies = thread.replies.map((reply) => (reply.author?.isYou ? { ...reply, ...extras.get(extrasKey('reply', reply.id)), ...named.get(`reply:${reply.id}`) } : reply));
  if (!ownPost) return { ...thread, replies };
  return { ...thread, post: { ...ownPost, ...extras.get(extrasKey('post', ownPost.id)), ...named.get(`post:${ownPost.id}`) }, replies };
}
