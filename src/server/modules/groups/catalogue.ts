/**
 * The groups a new Hearth starts with. Rules follow common peer-support practice
 * (7 Cups, Togetherall house rules) and the #chatsafe guidelines on talking about
 * suicide safely online.
 */
const SHARED_RULES = [
  'Be kind. Everyone here is going through something.',
  'Share your own experience; do not diagnose or tell people what they must do.',
  'Keep what people share here, here.',
  'No details of methods of self-harm or suicide: say how you feel, not how.',
  'If you are in danger now, use "Get help now" or call your local emergency number.',
];

function rules(...specific: string[]): string {
  return [...SHARED_RULES, ...specific].map((rule, index) => `${index + 1}. ${rule}`).join('\n');
}

export interface CatalogueGroup {
  slug: string;
  name: string;
  description: string;
  rules: string;
  tags: string[];
}

export const GROUP_CATALOGUE: CatalogueGroup[] = [
  { slug: 'anxiety', name: 'Anxiety', description: 'Worry, panic and the racing mind: what helps, what does not, and company while it passes.', rules: rules('Describe panic symptoms without medical advice; suggest seeing a doctor for new symptoms.'), tags: ['anxiety', 'sleep'] },
  { slug: 'depression', name: 'Depression', description: 'For the heavy days and the flat ones. Small wins count here.', rules: rules('Celebrate small steps; no "just cheer up" replies.'), tags: ['depression'] },
  { slug: 'grief-and-loss', name: 'Grief and loss', description: 'For anyone missing someone: a death, a pregnancy, a pet, a relationship. No timeline for grief.', rules: rules('Every loss is real; do not compare losses.'), tags: ['grief'] },
  { slug: 'trauma-and-ptsd', name: 'Trauma and PTSD', description: 'Living with what happened. Use content warnings for anything graphic.', rules: rules('Use a content warning when you describe a traumatic event.', 'Do not ask others for details of what happened to them.'), tags: ['trauma'] },
  { slug: 'caregivers', name: 'Caregivers', description: 'Caring for a partner, parent, child or friend, and needing care yourself.', rules: rules('Respect the privacy of the people you care for: no names or identifying details.'), tags: ['caregiving'] },
  { slug: 'lgbtq-support', name: 'LGBTQ+ support', description: 'Coming out, being out, family, faith and everything between, with people who get it.', rules: rules('Use the names and pronouns people give.', 'Never out anyone.'), tags: ['lgbtq'] },
  { slug: 'students', name: 'Students', description: 'Exams, deadlines, loneliness in a new place, money, and the pressure to be fine.', rules: rules('No sharing of assessment answers or academic misconduct.'), tags: ['study', 'loneliness'] },
  { slug: 'chronic-illness-and-pain', name: 'Chronic illness and pain', description: 'Living with a body that hurts or a condition that does not go away.', rules: rules('Share what helped you, but do not tell anyone to change or stop their treatment.'), tags: ['chronic-illness'] },
  { slug: 'job-loss-and-money', name: 'Job loss and money worries', description: 'Redundancy, debt, bills and the shame that often comes with them. None of it makes you less.', rules: rules('No selling, lending or investment advice.'), tags: ['money'] },
  { slug: 'loneliness', name: 'Loneliness', description: 'For when you feel alone in a crowd or alone at home. Say hello.', rules: rules('Keep conversations in the group; do not ask for contact details.'), tags: ['loneliness'] },
  { slug: 'addiction-recovery', name: 'Addiction recovery', description: 'Alcohol, drugs, gambling or anything else: every stage of recovery, relapse included.', rules: rules('No describing where or how to get substances.', 'Relapse is part of many recoveries: no shaming.'), tags: ['addiction'] },
  { slug: 'parents', name: 'Parents', description: 'The tiredness, the worry and the love of raising children, at any age.', rules: rules("Protect children's privacy: no names, photos or identifying details."), tags: ['parenting'] },
  { slug: 'relationships', name: 'Relationships', description: 'Partners, family and friends: breakups, conflict, distance and repair.', rules: rules('Hear both sides; no pile-ons about people who are not here to answer.'), tags: ['relationships'] },
];
