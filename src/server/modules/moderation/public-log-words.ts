import type { PublicLogKind } from '../../../shared/api/moderation-public-log.js';

/**
 * The words of a group's public moderation log. Reason labels come from a
 * small local lookup until the actions part's REASON_TEMPLATES
 * (src/shared/api/moderation-actions.ts) is merged: point `reasonLabel` at it
 * then. An id nobody knows reads as "A rule of the group": the public log never
 * shows a moderator's own words.
 */
const LOCAL_REASON_LABELS: Record<string, string> = {
  be_kind: 'Be kind',
  no_method_details: 'No method details',
  no_encouraging_self_harm: 'No encouraging self-harm',
  personal_information: 'Personal information',
  spam: 'Spam',
  off_topic: 'Off topic',
  misinformation: 'Health misinformation',
  hate: 'Hate',
  harassment: 'Harassment',
  impersonation: 'Impersonation',
};

export const FALLBACK_REASON = 'A rule of the group';

export function reasonLabel(templateId: string | null | undefined): string {
  return (templateId && Object.hasOwn(LOCAL_REASON_LABELS, templateId) ? LOCAL_REASON_LABELS[templateId] : undefined) ?? FALLBACK_REASON;
}

const NOUN: Record<string, string> = { post: 'post', reply: 'reply', message: 'message', member: 'member' };

function duration(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? 'a day' : `${hours / 24} days`;
  return hours === 1 ? 'an hour' : `${hours} hours`;
}

export interface PublicLogRow {
  kind: PublicLogKind;
  /** For an overturn: the kind of action that was overturned. */
  original: string;
  targetType: string;
  automatic: boolean;
  /** A mute's length in whole hours, when it has an end. */
  hours: number | null;
}

/** What was done, in plain words, with no one named. */
export function publicLogWords(row: PublicLogRow): string {
  const noun = NOUN[row.targetType] ?? 'post';
  switch (row.kind) {
    case 'content_warning':
      return `A content warning was added to a ${noun}`;
    case 'hide':
      return row.automatic ? `A ${noun} was held for review` : `A ${noun} was hidden while moderators look at it`;
    case 'remove':
      return `A ${noun} was removed`;
    case 'restore':
      return `A ${noun} was restored`;
    case 'approve':
      return `A ${noun} waiting for review was approved`;
    case 'lock':
      return 'A thread was locked';
    case 'unlock':
      return 'A thread was unlocked';
    case 'move':
      return 'A thread was moved to another group';
    case 'mute':
      return row.hours ? `A member was muted in this group for ${duration(row.hours)}` : 'A member was muted in this group';
    case 'overturned':
      switch (row.original) {
        case 'remove':
        case 'hide':
          return `A ${noun} was restored on appeal`;
        case 'content_warning':
          return 'A content warning was changed back on appeal';
        case 'lock':
          return 'A thread was unlocked on appeal';
        case 'move':
          return 'A thread was moved back on appeal';
        case 'mute':
          return "A member's mute was lifted on appeal";
        default:
          return 'A decision was reversed on appeal';
      }
  }
}
