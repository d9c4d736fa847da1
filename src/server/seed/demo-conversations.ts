import type { Deps } from '../deps.js';
import type { AuthContext } from '../modules/accounts/session-service.js';
import { joinGroup } from '../modules/groups/service.js';
import { createPost, createReply, setReaction } from '../modules/posts/service.js';

/**
 * A few ordinary conversations so a first look shows what Hearth is for. Written
 * by the project; nothing here is from a real person. Nothing here is in crisis:
 * the demo should not teach anyone that the safety card is noise.
 */
export async function seedDemoConversations(deps: Pick<Deps, 'db' | 'config' | 'live' | 'clock'>, members: Record<string, AuthContext>): Promise<void> {
  const river = members.river!;
  const juniper = members.juniper!;
  const wren = members.wren!;
  for (const member of [river, juniper, wren]) {
    for (const slug of ['anxiety', 'students', 'grief-and-loss']) await joinGroup(deps, member, slug, undefined);
  }
  const context = { countryCode: 'GB' };

  const exams = await createPost(deps, river, 'students', {
    title: 'Exam season and the 3am thoughts',
    body: 'I have four exams in nine days and my brain will not switch off at night.\n\nDoes anyone have a wind-down routine that *actually* works? I have tried the apps.',
    anonymous: false,
    contentWarningTopics: [],
    mood: 'low',
  }, context);
  const reply = await createReply(deps, juniper, exams.post.id, {
    body: 'Writing tomorrow’s to-do list before bed helped me more than anything: it’s like putting the worries somewhere they can wait.',
    anonymous: false,
  }, context);
  await createReply(deps, river, exams.post.id, { body: 'Trying that tonight. Thank you.', parentId: reply.reply.id, anonymous: false }, context);
  await setReaction(deps, river, { type: 'reply', id: reply.reply.id }, 'thanks', true);
  await setReaction(deps, wren, { type: 'post', id: exams.post.id }, 'me_too', true);

  const grief = await createPost(deps, juniper, 'grief-and-loss', {
    title: 'A year since Mum',
    body: 'It has been a year today. People keep saying it gets easier, and some days it does.\n\nToday I made her soup recipe and cried into it, and that was okay too.',
    anonymous: true,
    contentWarning: 'death of a parent',
    contentWarningTopics: ['death'],
    mood: 'okay',
  }, context);
  await createReply(deps, wren, grief.post.id, { body: 'Making her soup sounds like a beautiful way to spend the day with her. Sending you a hug.', anonymous: false }, context);
  await setReaction(deps, river, { type: 'post', id: grief.post.id }, 'hug', true);

  // One post still waiting for a reply, so the "Waiting for a reply" feed has something to show.
  await createPost(deps, wren, 'anxiety', {
    title: 'Phone calls make my heart race',
    body: 'Booking a doctor’s appointment by phone took me three days of building up to it. Does anyone else script their calls?',
    anonymous: true,
    contentWarningTopics: [],
    mood: 'struggling',
  }, context);
}
