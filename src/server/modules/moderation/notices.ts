import { MODERATION_LIVE } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { moderationNotices } from '../../db/schema/index.js';
import { userChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';

export interface NoticeInput {
  userId: string;
  kind: 'action' | 'appeal_decided' | 'report_outcome';
  actionId?: string;
  appealId?: string;
  reportId?: string;
  now: Date;
}

/**
 * Tells a member something in the app (nobody is punished silently): a row
 * the Moderation page lists, and a live event with its id only. Call inside
 * the transaction; announce the event after commit.
 */
export async function addNotice(tx: Database, live: LiveHub, input: NoticeInput): Promise<LiveEvent> {
  const [row] = await tx
    .insert(moderationNotices)
    .values({ userId: input.userId, kind: input.kind, actionId: input.actionId ?? null, appealId: input.appealId ?? null, reportId: input.reportId ?? null, createdAt: input.now })
    .returning({ id: moderationNotices.id });
  return live.record(tx, userChannel(input.userId), MODERATION_LIVE.notice, { noticeId: row!.id });
}
