import type { Assessment } from '../../../shared/risk.js';
import type { Database } from '../../db/index.js';
import { replies } from '../../db/schema/index.js';
import { renderMarkdown } from '../posts/markdown.js';
import { recordReplyOnPost } from '../posts/queries.js';
import { readSafetySettings } from './settings.js';
import { findSafetyAccountId } from './system-account.js';

/**
 * The automatic first reply (issue 11 item 7), written to safe-messaging
 * guidelines (Samaritans, #chatsafe): it says plainly that it is automatic,
 * acknowledges without judging, says help exists and works, names a next step,
 * and never mentions methods.
 *
 * WHY IT CARRIES NO CRISIS LINES IN ITS TEXT: the reply is public to the group.
 * Lines for the writer's country written into it would tell every reader where
 * the writer lives (with an anonymous post, a fact that narrows down who they
 * are). So the text stays generic, and each reader's view adds the crisis lines
 * for the READER's own country at read time (the web app renders them under a
 * reply marked `automatic`, from the reader's own help directory). The writer,
 * who is a reader too, sees their own country's lines, and their support card
 * already carries them.
 */
export const DEFAULT_AUTO_REPLY =
  'This is an automatic message from Hearth. Thank you for sharing something this hard: what you are going through matters, and you do not have to face it alone. If you are in danger right now, please call your local emergency number. Talking to a trained listener can really help, and the crisis lines for where you are are just below this message, day or night. People in this group read what you wrote, and someone will be along to reply.';

/** Only visible posts assessed high or imminent about the writer themselves (worry about someone else gets none). */
export function wantsAutoReply(assessment: Pick<Assessment, 'level' | 'categories'>, held: boolean): boolean {
  if (held) return false; // the writer already sees the card, and others see nothing to answer
  if (assessment.level !== 'high' && assessment.level !== 'imminent') return false;
  return !(assessment.categories.length > 0 && assessment.categories.every((category) => category === 'concern_for_other'));
}

/**
 * Writes the Hearth Safety account's reply under the post, once: the partial
 * unique index on replies (post_id where automatic) makes "never twice in a
 * thread" hold across requests and nodes; a second attempt inserts nothing.
 * Honours the admin's settings (off, or their own text). It does not answer the
 * post: the thread stays in "needs a reply" until a person replies
 * (posts/queries.ts answersPost). Returns the reply's id when one was written.
 */
export async function writeAutomaticReply(db: Database, postId: string): Promise<string | null> {
  const settings = await readSafetySettings(db);
  if (!settings.autoReply.enabled) return null;
  const authorId = await findSafetyAccountId(db);
  if (!authorId) return null;
  const body = settings.autoReply.text ?? DEFAULT_AUTO_REPLY;
  const [row] = await db
    .insert(replies)
    .values({ postId, parentId: null, depth: 0, authorId, anonymous: false, body, bodyHtml: renderMarkdown(body), status: 'visible', automatic: true })
    .onConflictDoNothing()
    .returning({ id: replies.id });
  if (!row) return null;
  await recordReplyOnPost(db, postId, row.id, false);
  return row.id;
}
