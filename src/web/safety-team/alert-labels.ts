import type { AlertListItem, AlertOutcome } from '../../shared/api/safety-alerts.js';

/** Words for what the dashboard shows, in one place (levels are always written, never colour alone). */
export const LEVEL_LABEL: Record<string, string> = { imminent: 'Imminent', high: 'High', elevated: 'Elevated', low: 'Low', none: 'None' };

export const OUTCOME_LABEL: Record<AlertOutcome, string> = {
  real_concern: 'A real concern',
  not_a_concern: 'Not a concern',
  referred_to_emergency_services: 'Referred to emergency services',
  other: 'Other',
};

export const CONTENT_LABEL: Record<string, string> = { post: 'post', reply: 'reply', message: 'message', checkin: 'check-in' };

export const ACTION_LABEL: Record<string, string> = {
  claimed: 'claimed it',
  released: 'released it',
  note: 'added a private note',
  outreach: 'reached out',
  member_replied: 'The member answered',
  resolved: 'resolved it',
  escalated: 'Escalated',
  held_released: 'released the held content',
  held_kept: 'kept the content held',
  edit_requested: 'asked the writer to edit',
  revealed: 'saw the anonymous author (logged)',
};

/** What an alert is about, when it has no content to quote. */
export function alertSummaryText(alert: Pick<AlertListItem, 'excerpt' | 'reason'>): string {
  if (alert.excerpt) return alert.excerpt;
  if (alert.reason === 'talk_to_someone') return 'A member asked to talk to someone now.';
  if (alert.reason === 'review') return 'Raised from the review list.';
  return 'No content to show.';
}

export const categoryLabel = (category: string) => category.replaceAll('_', ' ');
