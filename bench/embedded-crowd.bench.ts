// The embedded default under a crowd (issue 14): 50 readers of one thread and 20 members replying elsewhere, at
// the same time, on PGlite (and on PostgreSQL too when DATABASE_URL is given, for comparison). A demo-sized
// community: a dozen members, a few dozen threads, the read thread one page of replies (CROWD_REPLIES, default 20)
// with reactions. Prints p50/p99, timeouts and errors per side, each side's ratio to the same-run ceiling, and what
// /readyz then says about the embedded database (the event-loop-delay rule, src/server/db/embedded-load.ts).
// Target: no timeouts and p99 < 250 ms on both sides.
import { benchDrivers, cpuSecondsOf, libFile, load, measureCeiling, printTable, signUpMember, spawnServer, type LoadResult } from './lib/harness.js';
import { api } from './lib/api.js';

const READERS = Number(process.env.CROWD_READERS ?? 50);
const WRITERS = Number(process.env.CROWD_WRITERS ?? 20);
const REPLIES = Number(process.env.CROWD_REPLIES ?? 20);

async function seedCommunity(base: string) {
  const stamp = Date.now().toString(36);
  const members: string[] = [];
  for (let i = 0; i < 12; i++) {
    const cookie = await signUpMember(base, `crowd${i}_${stamp}`);
    for (const slug of ['anxiety', 'depression']) await api(base, cookie, 'POST', `/api/groups/${slug}/join`, { acceptRules: true });
    members.push(cookie);
  }
  for (let i = 0; i < 36; i++) {
    await api(base, members[i % members.length]!, 'POST', `/api/groups/${i % 2 ? 'anxiety' : 'depression'}/posts`, {
      title: `Evening check-in ${i}`,
      body: 'Long day. Managed a short walk and some soup, which counts for something. How is everyone holding up?',
      anonymous: i % 4 === 0,
    });
  }
  const thread = (await api(base, members[0]!, 'POST', '/api/groups/anxiety/posts', {
    title: 'Panic before presentations',
    body: 'Every time I have to present at work my heart races and my hands shake. **What helps you?**',
    anonymous: true,
  })) as { post: { id: string } };
  const replyIds: string[] = [];
  for (let i = 0; i < REPLIES; i++) {
    const parentId = i % 5 === 4 ? replyIds[i - 1] : undefined;
    const author = 1 + (i % 10);
    const { reply } = (await api(base, members[author]!, 'POST', `/api/posts/${thread.post.id}/replies`, {
      body: `Reply ${i}: box breathing helps me, *four in, four hold, four out*. You are not alone in this.`,
      anonymous: i % 3 === 0,
      ...(parentId ? { parentId } : {}),
    })) as { reply: { id: string } };
    replyIds.push(reply.id);
    await api(base, members[author + 1]!, 'PUT', `/api/replies/${reply.id}/reactions/hug`);
  }
  const target = (await api(base, members[2]!, 'POST', '/api/groups/depression/posts', { title: 'Replies land here', body: 'Tell me one small good thing from today.' })) as { post: { id: string } };
  // The reader wrote nothing in the thread: an ordinary reader's view (the author's own view reads more).
  return { readerCookie: members[11]!, writerCookie: members[3]!, threadId: thread.post.id, targetId: target.post.id };
}

const ceiling = await measureCeiling();
const rows: LoadResult[] = [];
for (const driver of benchDrivers()) {
  const node = await spawnServer(libFile('serve-hearth.ts'), driver.env);
  try {
    const base = `http://127.0.0.1:${node.port}`;
    const { readerCookie, writerCookie, threadId, targetId } = await seedCommunity(base);
    let n = 0;
    const cpuBefore = cpuSecondsOf(node.pid);
    const [read, write] = await Promise.all([
      load({ name: `${READERS} readers: GET thread (${driver.label})`, url: `${base}/api/posts/${threadId}`, headers: { cookie: readerCookie }, connections: READERS }),
      load({
        name: `${WRITERS} writers: POST reply (${driver.label})`,
        url: `${base}/api/posts/${targetId}/replies`,
        method: 'POST',
        headers: { cookie: writerCookie, 'content-type': 'application/json' },
        body: () => JSON.stringify({ body: `Thinking of you, reply number ${++n}. A cup of tea and the window open.` }),
        connections: WRITERS,
      }),
    ]);
    const seconds = Number(process.env.BENCH_SECONDS ?? 10);
    const requests = (read!.requestsPerSecond + write!.requestsPerSecond) * seconds;
    const cpuMs = ((cpuSecondsOf(node.pid) - cpuBefore) * 1000) / Math.max(1, requests);
    // The server process's own CPU per request (its thread and PGlite's WebAssembly; PostgreSQL's work is in
    // other processes): one core serves at most 1000 / this requests a second, whatever the connections.
    console.log(`${driver.label}: server CPU ${cpuMs.toFixed(1)} ms per request (reads and writes together), at most ${(1000 / cpuMs).toFixed(0)} req/s on one core`);
    const ready = await fetch(`${base}/readyz`).then((response) => response.json());
    console.log(`${driver.label}: /readyz after the crowd: ${JSON.stringify(ready)}`);
    rows.push(read!, write!);
  } finally {
    await node.stop();
  }
}
printTable(`Embedded crowd: ${READERS} readers and ${WRITERS} writers at once (ratio: each side's req/s to the ceiling)`, ceiling, rows);
for (const row of rows) {
  // A side that got no answer at all in the window misses, whatever its (empty) latencies say.
  const verdict = row.answered > 0 && row.timeouts === 0 && row.errors + row.non2xx === 0 && row.p99Ms < 250 ? 'meets' : 'misses';
  console.log(`${row.name}: ${row.answered} answered, ${row.timeouts} timeouts, ${row.errors - row.timeouts} other errors, ${row.non2xx} non-2xx; ${verdict} the target (no timeouts, p99 < 250 ms)`);
}
