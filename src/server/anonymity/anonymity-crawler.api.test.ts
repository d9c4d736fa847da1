import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../modules/accounts/queries.js';
import { sealCursor } from '../modules/posts/thread-cursor.js';
import { HELD_TEXT, join, writePost, writeReply } from '../test-support/community.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { TestClient } from '../test-support/test-client.js';

/**
 * DESIGN.md, principle 2: an anonymous author's id, handle or any stable
 * identifier never reaches a response a non-staff member can read. This test
 * signs in as an ordinary member and calls EVERY GET route in the OpenAPI
 * document (so a new route is crawled without anyone remembering to add it),
 * with every id it has discovered, and searches each body and header for the
 * anonymous author's id and handle.
 *
 * It also checks what could unmask an author by difference rather than by
 * content: blocks in either direction between the crawler and the anonymous
 * author must change nothing the crawler sees of anonymous content (issue 10,
 * defect 2), and every thread's counters must follow from what the thread shows
 * (a "needs a reply" that ignores the author's reply under another identity
 * unmasks them, defect 5; a count that includes a held reply betrays it, defect 9).
 */
let hearth: TestApp;
let secretAuthor: { id: string; handle: string };
let crawler: TestClient;
let author: TestClient;
/** Members whose profiles the crawl reads: both write openly and anonymously. */
const profileHandles: string[] = [];
const discovered = { postId: new Set<string>(), replyId: new Set<string>(), slug: new Set<string>(), groupId: new Set<string>() };

beforeAll(async () => {
  hearth = await createTestApp();

  // The anonymous author only ever writes anonymously, in a public and a private group.
  author = new TestClient(hearth.app);
  const account = await author.signUp('Secret_Anon_Writer');
  secretAuthor = { id: account.user.id, handle: account.user.handle };
  const admin = new TestClient(hearth.app);
  const adminAccount = await admin.signUp();
  await updateUser(hearth.deps.db, adminAccount.user.id, { role: 'admin' });
  await admin.post('/api/groups', { slug: 'closed-circle', name: 'Closed circle', description: 'A private group for the crawl.', rules: 'Be kind to each other.', visibility: 'private' });

  crawler = new TestClient(hearth.app);
  const crawlerAccount = await crawler.signUp();
  for (const client of [author, crawler]) {
    await join(client, 'grief-and-loss');
    await client.post('/api/groups/closed-circle/join', { acceptRules: true });
  }
  await admin.post(`/api/groups/closed-circle/requests/${secretAuthor.id}`, { decision: 'approve' });
  await admin.post(`/api/groups/closed-circle/requests/${crawlerAccount.user.id}`, { decision: 'approve' });

  const words = 'lantern';
  const one = await writePost(author, 'grief-and-loss', { title: `Anonymous ${words} post`, body: `Missing someone, ${words} in the window.`, anonymous: true, contentWarning: 'death', contentWarningTopics: ['death'] });
  const two = await writePost(author, 'closed-circle', { title: `Private ${words} post`, body: `Only for the circle, ${words}.`, anonymous: true });
  await author.patch(`/api/posts/${one.post.id}`, { body: `Edited: missing someone, ${words} in the window.` });
  const crawlerPost = await writePost(crawler, 'grief-and-loss', { title: 'The crawler asks', body: 'Does anyone else light a lantern?' });
  const anonymousReply = await writeReply(author, crawlerPost.post.id, { body: `Yes, a ${words} every night.`, anonymous: true });
  await writeReply(author, one.post.id, { body: 'Replying in my own thread, still anonymous.', anonymous: true });
  const crawlerReply = await writeReply(crawler, one.post.id, { body: 'Sending you strength.' });
  await writeReply(author, one.post.id, { body: 'Thank you.', anonymous: true, parentId: crawlerReply.id });
  await crawler.request('PUT', `/api/posts/${one.post.id}/reactions/hug`);
  await crawler.request('PUT', `/api/replies/${anonymousReply.id}/reactions/thanks`);
  await crawler.request('PUT', `/api/me/mutes/post/${two.post.id}`);
  await crawler.patch('/api/me/community-settings', { topics: ['grief'] });
  // An anonymous post only its author has answered (same alias): it still needs a reply.
  const waiting = await writePost(author, 'grief-and-loss', { title: `Still waiting by the ${words}`, body: 'Is anyone awake?', anonymous: true });
  // An anonymous crisis post: the automatic content warning and the Hearth Safety reply must not unmask its author.
  await writePost(author, 'grief-and-loss', { title: `A ${words} going out`, body: 'I want to kill myself. I think about it every day now.', anonymous: true });
  await writeReply(author, waiting.post.id, { body: 'Still here, still waiting.', anonymous: true });

  // Another member answers their own posts under their other identity: to readers that is someone else.
  const twoFaced = new TestClient(hearth.app);
  profileHandles.push((await twoFaced.signUp()).user.handle, crawlerAccount.user.handle);
  await join(twoFaced, 'grief-and-loss');
  const open = await writePost(twoFaced, 'grief-and-loss', { title: 'Asked openly', body: 'Does the first year get easier?' });
  await writeReply(twoFaced, open.post.id, { body: 'It did for me, slowly.', anonymous: true });
  const hidden = await writePost(twoFaced, 'grief-and-loss', { title: 'Asked anonymously', body: 'How do I talk about it at work?', anonymous: true });
  await writeReply(twoFaced, hidden.post.id, { body: 'Tell one person you trust first.' });

  // A held reply (method details): nothing the crawler sees may show that it exists.
  const troubled = new TestClient(hearth.app);
  await troubled.signUp();
  await join(troubled, 'grief-and-loss');
  await writeReply(troubled, crawlerPost.post.id, { body: HELD_TEXT });
});

afterAll(async () => {
  await hearth?.close();
});

function assertNoLeak(response: LightMyRequestResponse, where: string) {
  const everything = `${response.body}\n${JSON.stringify(response.headers)}`.toLowerCase();
  expect(everything, `${where} leaks the anonymous author's id`).not.toContain(secretAuthor.id.toLowerCase());
  expect(everything, `${where} leaks the anonymous author's handle`).not.toContain(secretAuthor.handle.toLowerCase());
}

function collectIds(value: unknown, key?: string): void {
  if (Array.isArray(value)) value.forEach((item) => collectIds(item, key));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collectIds(v, k);
  else if (typeof value === 'string') {
    if (key === 'postId') discovered.postId.add(value);
    if (key === 'replyId' || key === 'parentId') discovered.replyId.add(value);
    if (key === 'slug') discovered.slug.add(value);
  }
}

interface ShownAuthor {
  kind: 'member' | 'anonymous';
  handle?: string;
  alias?: string;
}
interface ShownThread {
  post: { id: string; author: ShownAuthor; status: string; replyCount: number; needsReply: boolean };
  replies: { id: string; author: ShownAuthor; status: string; automatic?: true }[];
}
const identityOf = (author: ShownAuthor) => (author.kind === 'anonymous' ? `alias:${author.alias}` : `handle:${author.handle}`);

/**
 * A thread's counters follow from what it shows: every reply counted is listed
 * (a held reply is neither), and it "needs a reply" exactly when no visible reply
 * is shown under another identity than the post's.
 */
function assertCountersFollowThread(thread: ShownThread, where: string) {
  const { post, replies } = thread;
  expect(post.replyCount, `${where}: replyCount counts only replies the thread shows`).toBe(replies.length);
  // The Hearth Safety account's automatic reply never answers a post: a person still must.
  const answered = replies.some((reply) => reply.status === 'visible' && !reply.automatic && identityOf(reply.author) !== identityOf(post.author));
  expect(post.needsReply, `${where}: needsReply follows the replies shown`).toBe(post.status === 'visible' && !answered);
}

/** Every piece of anonymous content in a response, keyed by where it sits, as the crawler saw it. */
function anonymousItems(value: unknown, at: string, into: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((item, index) => anonymousItems(item, `${at}[${index}]`, into));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ((record.author as ShownAuthor | undefined)?.kind === 'anonymous') {
      into.set(`${at}:${String(record.replyId ?? record.id ?? record.postId)}`, JSON.stringify(record));
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'author') anonymousItems(child, `${at}.${key}`, into);
  }
}

/** What one crawl saw: each URL's status, every anonymous item, and the posts each profile lists. */
interface CrawlView {
  statuses: Map<string, number>;
  anonymous: Map<string, string>;
  profilePosts: Map<string, string[]>;
}

async function crawlGet(url: string, view: CrawlView, options: CrawlOptions): Promise<LightMyRequestResponse> {
  const response = await crawler.get(url);
  // The crawler's own block list names whom it blocked: it typed that handle itself.
  if (!(options.blockedByCrawler && url === '/api/me/blocks')) assertNoLeak(response, `GET ${url}`);
  view.statuses.set(url, response.statusCode);
  if (response.headers['content-type']?.toString().includes('json')) {
    const body = response.json() as Record<string, unknown>;
    collectIds(body);
    anonymousItems(body, url, view.anonymous);
    // Threads and feeds name posts as `id`: collect those as post ids, replies as reply ids.
    const posts = (body.posts ?? []) as { id: string; needsReply?: boolean }[];
    posts.forEach((post) => discovered.postId.add(post.id));
    if (body.post) discovered.postId.add((body.post as { id: string }).id);
    ((body.replies ?? []) as { id: string }[]).forEach((reply) => discovered.replyId.add(reply.id));
    ((body.groups ?? []) as { id?: string; slug: string }[]).forEach((group) => {
      discovered.slug.add(group.slug);
      if (group.id) discovered.groupId.add(group.id);
    });
    if (/^\/api\/posts\/[0-9a-f-]{36}$/.test(url) && response.statusCode === 200) assertCountersFollowThread(body as unknown as ShownThread, `GET ${url}`);
    if (url.startsWith('/api/members/')) view.profilePosts.set(url, posts.map((post) => post.id));
    if (url.startsWith('/api/feed/needs-reply')) {
      expect(posts.length, 'the needs-reply feed lists posts').toBeGreaterThan(0);
      expect(posts.every((post) => post.needsReply), `GET ${url}: every post listed needs a reply`).toBe(true);
    }
  }
  return response;
}

interface CrawlOptions {
  /** The crawler blocked the anonymous author (by the handle it was told). */
  blockedByCrawler?: boolean;
}

/** Every GET route in the OpenAPI document, with every id discovered, twice (ids found late get used). */
async function crawlEverything(options: CrawlOptions = {}): Promise<CrawlView> {
  const view: CrawlView = { statuses: new Map(), anonymous: new Map(), profilePosts: new Map() };
  const doc = (await crawler.get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  const getPaths = Object.entries(doc.paths).filter(([, methods]) => 'get' in methods).map(([path]) => path);
  expect(getPaths.length).toBeGreaterThan(15);

  // Seed discovery from the lists; the needs-reply feed is paged one post at a time too.
  for (const url of ['/api/groups', '/api/feed', '/api/feed?sort=active', '/api/feed/needs-reply', '/api/feed/needs-reply?limit=1', '/api/feed/mine', '/api/search?q=lantern', '/api/search?q=window']) {
    await crawlGet(url, view, options);
  }
  const queries: Record<string, string[]> = {
    '/api/search': ['q=lantern', `q=${secretAuthor.handle}`, 'q=Secret_Anon_Writer', 'q=missing'],
    '/api/admin/users': [`q=${secretAuthor.handle.slice(0, 5)}`],
    '/api/groups/suggestions': ['topics=grief'],
    // By path, for every post: thread pages (the first, at the newest reply, and every reply from the start of the thread on).
    '/api/posts/{postId}': ['', 'at=newest', 'limit=1'],
  };
  // Every reply from the start of each thread on, and back from past its end: cursors are sealed for their thread (thread-cursor.ts).
  const secret = hearth.deps.config.secrets.sessionSecret;
  const threadCursorQueries = (postId: string) => [
    `after=${sealCursor(secret, postId, '0'.repeat(48))}`,
    `before=${sealCursor(secret, postId, `${'9'.repeat(16)}${'f'.repeat(32)}`)}`,
  ];
  const crawled = new Set<string>();
  for (let round = 0; round < 2; round++) {
    for (const path of getPaths) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      let urls = [path];
      for (const name of names) {
        const values =
          name === 'postId' ? [...discovered.postId]
          : name === 'replyId' ? [...discovered.replyId]
          : name === 'slug' ? [...discovered.slug]
          : name === 'id' ? [...discovered.postId, ...discovered.replyId]
          : name === 'contentType' ? ['posts', 'replies']
          : name === 'sessionId' || name === 'userId' ? [secretAuthor.id]
          : name === 'handle' ? profileHandles
          : [];
        urls = urls.flatMap((url) => values.map((value) => url.replace(`{${name}}`, encodeURIComponent(value))));
      }
      const queriesOf = (url: string) =>
        path === '/api/posts/{postId}/replies' ? threadCursorQueries(decodeURIComponent(url.split('/')[3]!)) : (queries[url] ?? queries[path] ?? ['']);
      for (const url of urls.flatMap((url) => queriesOf(url).map((query) => (query ? `${url}?${query}` : url)))) {
        if (crawled.has(url) || url.startsWith('/api/docs')) continue;
        crawled.add(url);
        const response = await crawlGet(url, view, options);
        expect(response.statusCode, `GET ${url}`).toBeLessThan(500);
      }
    }
  }
  expect(discovered.postId.size).toBeGreaterThanOrEqual(3);
  expect(discovered.replyId.size).toBeGreaterThanOrEqual(3);
  expect(crawled.size).toBeGreaterThan(40);
  // A profile lists what its member wrote under their handle: never a post the crawl saw shown anonymously.
  const shownAnonymously = new Set([...view.anonymous.keys()].map((key) => key.slice(key.lastIndexOf(':') + 1)));
  expect([...view.profilePosts.values()].flat().length, 'the profiles crawled list posts').toBeGreaterThan(0);
  for (const [url, ids] of view.profilePosts) {
    expect(ids.filter((id) => shownAnonymously.has(id)), `GET ${url} lists anonymous posts`).toEqual([]);
  }
  // A needs-reply cursor from the crawl pages on without repeating a post.
  let cursor: string | null = null;
  const paged: string[] = [];
  do {
    const page: { posts: { id: string }[]; nextCursor: string | null } = (await crawler.get(`/api/feed/needs-reply?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
    paged.push(...page.posts.map((post) => post.id));
    cursor = page.nextCursor;
  } while (cursor && paged.length < 100);
  expect(new Set(paged).size, 'the needs-reply feed pages without repeats').toBe(paged.length);
  return view;
}

describe('anonymity', () => {
  it('no GET route shows an ordinary member the anonymous author’s id or handle', async () => {
    await crawlEverything();
  });

  it('blocks, either way, change nothing the crawler sees of anonymous content', async () => {
    const before = await crawlEverything();
    expect(before.anonymous.size).toBeGreaterThan(10);
    const crawlerId = (await crawler.get('/api/me')).json().user.id as string;

    expect((await crawler.post('/api/me/blocks', { handle: secretAuthor.handle })).statusCode).toBe(200);
    const crawlerBlocked = await crawlEverything({ blockedByCrawler: true });
    await crawler.delete(`/api/me/blocks/${secretAuthor.id}`);

    const crawlerHandle = (await crawler.get('/api/me')).json().user.handle as string;
    expect((await author.post('/api/me/blocks', { handle: crawlerHandle })).statusCode).toBe(200);
    const authorBlocked = await crawlEverything();
    await author.delete(`/api/me/blocks/${crawlerId}`);

    for (const [label, view] of [['the crawler blocks the author', crawlerBlocked], ['the author blocks the crawler', authorBlocked]] as const) {
      const statuses = (v: CrawlView) => Object.fromEntries([...v.statuses].filter(([url]) => before.statuses.has(url) && url !== '/api/me/blocks'));
      expect(statuses(view), `${label}: every route answers as before`).toEqual(statuses(before));
      expect(Object.fromEntries(view.anonymous), `${label}: anonymous content is unchanged`).toEqual(Object.fromEntries(before.anonymous));
    }
  });

  it('writes answer without the author too: reactions, replies and errors', async () => {
    const postIds = [...discovered.postId];
    expect(postIds.length).toBeGreaterThan(0);
    for (const id of postIds) {
      assertNoLeak(await crawler.request('PUT', `/api/posts/${id}/reactions/strength`), 'react');
      assertNoLeak(await crawler.post(`/api/posts/${id}/replies`, { body: 'Here with you.' }), 'reply');
      assertNoLeak(await crawler.patch(`/api/posts/${id}`, { body: 'not mine' }), 'edit someone else’s post');
      assertNoLeak(await crawler.delete(`/api/posts/${id}`), 'remove someone else’s post');
    }
    for (const id of discovered.replyId) {
      assertNoLeak(await crawler.request('PUT', `/api/replies/${id}/reactions/hug`), 'react to a reply');
      assertNoLeak(await crawler.patch(`/api/replies/${id}`, { body: 'not mine' }), 'edit someone else’s reply');
    }
    const reveal = await crawler.post('/api/staff/reveal', { contentType: 'post', contentId: postIds[0], reason: 'curious who wrote it' });
    expect(reveal.statusCode).toBe(403);
    assertNoLeak(reveal, 'reveal as a member');
  });

  it('staff see the author only through the reveal action, which is logged', async () => {
    const staff = new TestClient(hearth.app);
    const staffAccount = await staff.signUp();
    await updateUser(hearth.deps.db, staffAccount.user.id, { role: 'admin' });
    const [postId] = [...discovered.postId];
    const thread = await staff.get(`/api/posts/${postId}`);
    assertNoLeak(thread, 'a thread read by staff');
    const anonymousPost = (await staff.get('/api/search?q=lantern')).json().results.find((r: { type: string; author: { kind: string } }) => r.type === 'post' && r.author.kind === 'anonymous');
    const noReason = await staff.post('/api/staff/reveal', { contentType: 'post', contentId: anonymousPost.postId, reason: 'x' });
    expect(noReason.json().error.field).toBe('reason');
    const revealed = await staff.post('/api/staff/reveal', { contentType: 'post', contentId: anonymousPost.postId, reason: 'Safety check after a report' });
    expect(revealed.json().author).toEqual(secretAuthor);
    const log = (await staff.get('/api/staff/reveals')).json().reveals;
    expect(log[0]).toMatchObject({ staffHandle: staffAccount.user.handle, revealedHandle: secretAuthor.handle, reason: 'Safety check after a report' });
  });
});
