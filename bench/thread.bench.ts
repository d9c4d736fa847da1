// Reading a thread (a post with 50 replies and reactions) and creating a reply,
// under autocannon at 50 connections, on PGlite and (with DATABASE_URL) on
// PostgreSQL, against the plain node:http ceiling measured in the same run.
// Targets on PostgreSQL (issue 3): thread read ≥ 4,000 req/s with p99 < 50 ms; reply create ≥ 1,500 req/s.
import { load, measureCeiling, onEachDriver, printTable, signUpMember } from './lib/harness.js';
import { api } from './lib/api.js';

/** A thread like a busy real one: 50 replies (a third anonymous, some nested) and reactions. */
async function seedThread(base: string): Promise<{ readerCookie: string; threadId: string; replyTargetId: string }> {
  const stamp = Date.now().toString(36);
  const author = await signUpMember(base, `author_${stamp}`);
  await api(base, author, 'POST', '/api/groups/anxiety/join', { acceptRules: true });
  const thread = (await api(base, author, 'POST', '/api/groups/anxiety/posts', {
    title: 'Panic before presentations',
    body: 'Every time I have to present at work my heart races and my hands shake. **What helps you?**',
    anonymous: true,
  })) as { post: { id: string } };
  const members: string[] = [];
  for (let i = 0; i < 10; i++) {
    const cookie = await signUpMember(base, `replier${i}_${stamp}`);
    await api(base, cookie, 'POST', '/api/groups/anxiety/join', { acceptRules: true });
    members.push(cookie);
  }
  const replyIds: string[] = [];
  for (let i = 0; i < 50; i++) {
    const cookie = members[i % members.length]!;
    const parentId = i % 5 === 4 ? replyIds[i - 1] : undefined;
    const { reply } = (await api(base, cookie, 'POST', `/api/posts/${thread.post.id}/replies`, {
      body: `Reply ${i}: box breathing helps me, *four in, four hold, four out*. You are not alone in this.`,
      anonymous: i % 3 === 0,
      ...(parentId ? { parentId } : {}),
    })) as { reply: { id: string } };
    replyIds.push(reply.id);
    await api(base, members[(i + 1) % members.length]!, 'PUT', `/api/replies/${reply.id}/reactions/hug`);
  }
  for (const cookie of members) await api(base, cookie, 'PUT', `/api/posts/${thread.post.id}/reactions/strength`);
  const target = (await api(base, author, 'POST', '/api/groups/anxiety/posts', { title: 'Replies land here', body: 'A thread for the write benchmark.' })) as { post: { id: string } };
  return { readerCookie: members[0]!, threadId: thread.post.id, replyTargetId: target.post.id };
}

const ceiling = await measureCeiling();
const rows = await onEachDriver(async (base, driver) => {
  const { readerCookie, threadId, replyTargetId } = await seedThread(base);
  const threadSize = JSON.stringify(await api(base, readerCookie, 'GET', `/api/posts/${threadId}`)).length;
  console.log(`${driver}: thread of 50 replies, ${(threadSize / 1024).toFixed(1)} KiB of JSON`);
  const read = await load({ name: `GET thread, 50 replies (${driver})`, url: `${base}/api/posts/${threadId}`, headers: { cookie: readerCookie } });
  let n = 0;
  const write = await load({
    name: `POST reply (${driver})`,
    url: `${base}/api/posts/${replyTargetId}/replies`,
    method: 'POST',
    headers: { cookie: readerCookie, 'content-type': 'application/json' },
    body: () => JSON.stringify({ body: `Thinking of you, reply number ${++n}. It does get easier with practice.` }),
  });
  return [read, write];
});
printTable('Threads, 50 connections', ceiling, rows);
