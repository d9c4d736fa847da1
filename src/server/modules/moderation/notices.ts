import { MODERATION_LIVE } from '../../../shared/api/moderation.js';
import type { Database } from '../../db/index.js';
import { moderationNotices } from '../../db/schema/index.js';
import { userChannel, type LiveEvent, type LiveHub } from '../../live/hub.js';
import { writeNotification } from '../notifications/notify.js';

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
 * the Moderation page lists, a notification that points there, and a live
 * event with its id only. Call inside the transaction; announce the event
 * after commit (the web app refreshes the notifications badge on it too, and
 * the push dispatcher hears it).
 */
export async function addNotice(tx: Database, live: LiveHub, input: NoticeInput): Promise<LiveEvent> {
  const [row] = await tx
    .insert(moderationNotices)
    .values({ userId: input.userId, kind: input.kind, actionId: input.actionId ?? null, appealId: input.appealId ?? null, reportId: input.reportId ?? null, createdAt: input.now })
    .returning({ id: moderationNotices.id });
  // The notice's live event below moves the notifications badge too: the notification needs none of its own.
  await writeNotification(tx, input.now, { kind: 'moderation', recipientId: input.userId, noticeId: row!.id });
  return live.record(tx, userChannel(input.userId), MODERATION_LIVE.notice, { noticeId: row!.id });
}
