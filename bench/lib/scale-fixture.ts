// What the scale benchmark reads and writes, made through the API on a running node:
// a reader who is a member of every group with seeded posts (so the home feed shows
// them), a thread of 1,000 replies (nested to the deepest level, a third
// anonymous, each with a reaction), a page or more of posts nobody has answered yet,
// a few posts with a rare word, and an empty thread that the write benchmark fills.
import { signInMember, signUpMember } from './harness.js';
import { api, inPool } from './api.js';
import { BENCH_READER } from './members.js';

export const THREAD_REPLIES = 1000;
/** In every reply of the bench thread (and, with the scale seed, in much of its text). */
export const COMMON_WORD = 'breathing';
/** In three posts only. */
export const RARE_WORD = 'kintsugi';

export interface ScaleFixture {
  readerCookie: string;
  threadId: string;
  replyTargetId: string;
}

interface Group {
  slug: string;
  visibility: string;
  membership: unknown;
}

async function joinEveryPublicGroup(base: string, cookie: string): Promise<void> {
  const { groups } = await api<{ groups: Group[] }>(base, cookie, 'GET', '/api/groups');
  for (const group of groups) {
    if (group.visibility === 'public' && group.membership === null) await api(base, cookie, 'POST', `/api/groups/${group.slug}/join`, { acceptRules: true });
  }
}

/**
 * Replies in blocks of four: a top-level reply, its child, that child's child and a
 * second child, so the thread nests as deep as replies go (three levels).
 */
async function writeReplies(base: string, threadId: string, members: string[]): Promise<void> {
  const blocks = Array.from({ length: THREAD_REPLIES / 4 }, (_, block) => block);
  await inPool(blocks, 10, async (block) => {
    const ids: string[] = [];
    for (let k = 0; k < 4; k++) {
      const i = block * 4 + k;
      const parentId = k === 0 ? undefined : k === 2 ? ids[1] : ids[0];
      const { reply } = await api<{ reply: { id: string; status: string } }>(base, members[i % members.length]!, 'POST', `/api/posts/${threadId}/replies`, {
        body: `Reply ${i}: box ${COMMON_WORD} helps me, *four in, four hold, four out*. You are not alone in this.`,
        anonymous: i % 3 === 0,
        ...(parentId ? { parentId } : {}),
      });
      if (reply.status !== 'visible') throw new Error(`bench reply ${i} was ${reply.status}, not visible: the thread would be short`);
      ids.push(reply.id);
      await api(base, members[(i + 1) % members.length]!, 'PUT', `/api/replies/${reply.id}/reactions/hug`);
    }
  });
}

export async function buildScaleFixture(base: string): Promise<ScaleFixture> {
  const stamp = Date.now().toString(36);
  const readerCookie = await signInMember(base, BENCH_READER);
  await joinEveryPublicGroup(base, readerCookie);
  const members: string[] = [];
  for (let i = 0; i < 10; i++) {
    const cookie = await signUpMember(base, `replier${i}_${stamp}`);
    await api(base, cookie, 'POST', '/api/groups/anxiety/join', { acceptRules: true });
    members.push(cookie);
  }
  const post = (cookie: string, title: string, body: string, anonymous = false) =>
    api<{ post: { id: string } }>(base, cookie, 'POST', '/api/groups/anxiety/posts', { title, body, anonymous }).then((made) => made.post.id);

  // Older than the thread, so the newest page of the home feed holds the thread and these alike.
  for (let i = 0; i < 25; i++) {
    const rare = i % 8 === 0 ? ` My therapist calls it ${RARE_WORD}: mending with gold.` : '';
    await post(members[i % members.length]!, `Evenings are the hardest part (${i})`, `I keep a list of small things that help when the evening gets long.${rare}`, i % 4 === 0);
  }
  const threadId = await post(members[0]!, 'Panic before presentations', 'Every time I have to present at work my heart races and my hands shake. **What helps you?**', true);
  await writeReplies(base, threadId, members);
  for (const cookie of members.slice(1)) await api(base, cookie, 'PUT', `/api/posts/${threadId}/reactions/strength`);
  const replyTargetId = await post(members[1]!, 'Replies land here', 'A thread for the write benchmark.');
  return { readerCookie, threadId, replyTargetId };
}
