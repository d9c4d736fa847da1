/**
 * Who may read and write a conversation: the one place for it. Only its
 * participants. The safety team reads a member's safety conversation through
 * the alert routes (safety-team/outreach-*.ts, behind requireSafetyTeam), never
 * as a participant, so a moderator's own inbox never holds other members' talks.
 */
export const conversationPolicy = {
  canRead: (participant: { lastReadAt: Date | null } | null): boolean => participant !== null,
  canWrite: (participant: { lastReadAt: Date | null } | null): boolean => participant !== null,
};
