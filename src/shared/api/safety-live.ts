/**
 * Live event types of the safety team's side (issue 11). Payloads carry ids
 * and levels only: a client that hears one refetches what it shows, through
 * the API and its permission checks. Never put content or an author in a payload.
 */
export const SAFETY_LIVE = {
  /** Staff channel: a new alert ({ alertId, level, categories, contentType, contentId, deadlineAt }). */
  alertRaised: 'safety.alert',
  /** Staff channel: an alert changed ({ alertId, change: AlertChange }). */
  alertChanged: 'safety.alert_changed',
  /** Staff channel: the review list changed ({ itemId }). */
  reviewChanged: 'safety.review_changed',
  /** Staff channel: who is on duty changed ({}). */
  dutyChanged: 'safety.duty_changed',
  /** A staff member's own channel: an urgent escalation ({ alertId, level, step, minutesWaiting }). */
  urgent: 'safety.urgent',
  /** A member's own channel: a new message in one of their conversations ({ conversationId, messageId }). */
  conversationMessage: 'conversation.message',
  /** A member's own channel: staff decided about their held content ({ contentType, contentId, decision }). */
  heldDecision: 'safety.held_decision',
} as const;

export type AlertChange = 'claimed' | 'released' | 'note' | 'outreach' | 'member_replied' | 'resolved' | 'escalated' | 'held_decision';
