import { CONTENT_WARNING_TOPICS, MOODS, REACTIONS, TOPICS, type ReactionKind } from '../../shared/api/community.js';

/** Words for the ids in the community contracts. */

type Mood = (typeof MOODS)[number];

export const MOOD_LABELS: Record<Mood, string> = {
  struggling: 'Struggling',
  low: 'Low',
  okay: 'Okay',
  good: 'Good',
  hopeful: 'Hopeful',
};

export const TOPIC_OPTIONS = TOPICS.map((topic) => ({ value: topic.id, label: topic.label }));
export const WARNING_TOPIC_OPTIONS = CONTENT_WARNING_TOPICS.map((topic) => ({ value: topic.id, label: topic.label }));
export const MOOD_OPTIONS = MOODS.map((mood) => ({ value: mood, label: MOOD_LABELS[mood] }));

export function warningTopicLabel(id: string): string {
  return CONTENT_WARNING_TOPICS.find((topic) => topic.id === id)?.label ?? id;
}

export function reactionLabel(kind: ReactionKind | string): string {
  return REACTIONS.find((reaction) => reaction.id === kind)?.label ?? kind;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "1. Be kind." lines → ["Be kind."]; blank lines dropped. */
export function ruleLines(rules: string): string[] {
  return rules
    .split('\n')
    .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
    .filter(Boolean);
}
