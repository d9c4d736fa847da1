import type { OutreachTemplate } from '../../../shared/api/conversations.js';

/**
 * First messages from the safety team, edited by the sender before they go.
 * Written to safe-messaging guidance for reaching out to someone at risk:
 * - 988 Suicide & Crisis Lifeline, "Best practices / #BeThe1To" (ask directly
 *   about suicide, listen without judgement, help them connect, follow up):
 *   https://988lifeline.org/help-someone-else/
 * - Samaritans, "How to support someone you're worried about" (ask open
 *   questions, do not promise secrecy or outcomes you cannot keep):
 *   https://www.samaritans.org/how-we-can-help/if-youre-worried-about-someone-else/
 * - Orygen, #chatsafe guidelines (warm, direct, no method talk, point to crisis
 *   lines and a concrete next step): https://www.orygen.org.au/chatsafe
 * Each is warm and plain, asks about safety directly, judges nothing, promises
 * only what the team can do, names a next step and the crisis lines, and never
 * mentions a method.
 */
export const OUTREACH_TEMPLATES: readonly OutreachTemplate[] = [
  {
    id: 'checking_in',
    title: 'Checking in',
    body: 'Hi, this is the Hearth safety team. We read what you wrote and wanted to check in with you. It sounds like things are really hard right now, and we’re glad you shared it. Are you safe right now? You can answer here whenever you’re ready; a person on our team will read it. If you are in danger now, please call your local emergency number or a crisis line from the Get help page.',
  },
  {
    id: 'asking_directly',
    title: 'Asking about suicide directly',
    body: 'Hi, this is the Hearth safety team. We noticed your post and we care about how you are doing. Sometimes when people feel this way, they think about ending their life. Are you having thoughts of suicide? Whatever your answer is, it’s okay to tell us, and we won’t judge you. We’re here to listen, and we can help you find someone to talk to tonight.',
  },
  {
    id: 'right_now',
    title: 'If it might be urgent',
    body: 'Hi, this is the Hearth safety team. We’re worried about you after what you wrote, and we want to make sure you’re safe. If you might act on these thoughts now, please call your emergency number or a crisis line right away: they can talk with you straight away, any time of day. If you can, tell us here how you are, even just one word. We’re reading.',
  },
  {
    id: 'next_step',
    title: 'A next step together',
    body: 'Hi, this is the Hearth safety team. Thank you for trusting the community with how you feel. You don’t have to get through this alone. Would it help to think together about one thing that could make tonight a little easier, or one person you could reach out to? Trained listeners at the crisis lines on the Get help page are also there to talk, any time.',
  },
  {
    id: 'following_up',
    title: 'Following up',
    body: 'Hi, this is the Hearth safety team, following up on our last message. We haven’t forgotten about you, and there’s no pressure to reply. How are you doing today? If things feel unsafe at any point, please call your emergency number or a crisis line, and you can always write to us here.',
  },
];
