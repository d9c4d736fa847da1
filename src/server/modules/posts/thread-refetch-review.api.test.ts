import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadedThread,
  nextPageParam,
  previousPageParam,
  type ThreadPage,
  type ThreadPageParam,
} from '../../../web/community/thread-pages.js';
import { memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import type { TestClient } from '../../test-support/test-client.js';
import { insertReply } from './queries.js';

/**
 * A reviewer's look at the web app's paged thread against the real server: the
 * page params of web/community/thread-pages.ts fetched as community-queries.ts
 * fetches them, and a refetch done as TanStack Query v5 does one (the first
 * page's param again, then each next param from the page before it).
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

/** community-queries.ts fetchThreadPage, over the test client (default page size, as the web app asks). */
async function fetchPage(client: TestClient, postId: string, param: ThreadPageParam): Promise<ThreadPage> {
  const headQuery = param.kind !== 'head' ? '' : param.at !== undefined ? `?at=${param.at}` : param.from !== undefined ? `?from=${param.from}` : '';
  const url = param.kind === 'head' ? `/api/posts/${postId}${headQuery}` : `/api/posts/${postId}/replies?${param.kind}=${param.cursor}`;
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as ThreadPage;
  return param.kind === 'head' ? body : { ...body, post: null, anchor: null };
}

describe('the web app refetching a thread opened in the middle', () => {
  // FINDING (medium, web): a page loaded before a deep link remembers the first reply of the page after it
  // (`nextAt`), and a refetch goes on from there as a head opened at that reply. When that reply has since been
  // removed or held with nothing below it, the server answers `at=` as for an unknown id, with the thread's FIRST
  // page: the refetched list reads the replies before the anchor, then the thread's first replies again after
  // them, and every reply from the anchor on is gone (loadedThread keeps pages in order and drops repeats only).
  // FIXED: the page after a "before" page is now read from the PLACE it came before (`from=<cursor>`), not a reply.
  it('keep the replies in reading order, and those after the anchor, when the anchor reply is removed before a refetch', async () => {
    const { client, user } = await memberIn(hearth, 'anxiety');
    const { post } = await writePost(client, 'anxiety', { title: 'Opened in the middle' });
    const base = Date.now();
    const all: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const row = await insertReply(hearth.deps.db, {
        postId: post.id,
        authorId: user.id,
        parentId: null,
        depth: 0,
        body: `Reply ${i}`,
        bodyHtml: `<p>Reply ${i}</p>`,
        anonymous: false,
        status: 'visible',
        heldBy: null,
        createdAt: new Date(base + i * 1000),
      });
      all.push(row.id);
    }
    const { client: reader } = await memberIn(hearth, 'anxiety');
    // Opened at reply 30 (a deep link), then the page before it loaded.
    const params: ThreadPageParam[] = [{ kind: 'head', at: all[30] }];
    const head = await fetchPage(reader, post.id, params[0]!);
    const before = previousPageParam(head)!;
    params.unshift(before);
    const loaded = loadedThread({ pages: [await fetchPage(reader, post.id, before), head], pageParams: params });
    expect(loaded!.replies.map((r) => r.id)).toEqual(all.slice(10));

    // The reply it was opened at is removed by its author (nothing below it: it leaves no trace).
    await hearth.deps.db.execute(sql`update replies set status = 'removed_by_author' where id = ${all[30]!}::uuid`);

    // A refetch, as TanStack does it: the first page's param, then each next one from the page before.
    const pages: ThreadPage[] = [await fetchPage(reader, post.id, params[0]!)];
    let param = params[0]!;
    while (pages.length < params.length) {
      const next = nextPageParam(pages.at(-1)!, param);
      if (!next) break;
      pages.push(await fetchPage(reader, post.id, next));
      param = next;
    }
    const after = loadedThread({ pages, pageParams: params })!.replies.map((r) => r.id);
    expect(after).toEqual([...all.slice(10, 30), ...all.slice(31)]);
  });
});
