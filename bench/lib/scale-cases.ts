// The requests the scale benchmark measures. Each case fetches its response once
// (for the size-matched ceiling, and to find cursors), then says what to load.
import type { LoadOptions } from './harness.js';
import { call, api } from './api.js';
import { COMMON_WORD, RARE_WORD, THREAD_REPLIES, type ScaleFixture } from './scale-fixture.js';

export interface Prepared {
  load: Omit<LoadOptions, 'name' | 'seconds' | 'connections'>;
  /** The response body's size in bytes. */
  bytes: number;
}

export interface ScaleCase {
  name: string;
  kind: 'read' | 'write';
  prepare(base: string, fixture: ScaleFixture): Promise<Prepared>;
}

async function getCase(base: string, cookie: string, path: string): Promise<Prepared> {
  const { bytes } = await call(base, cookie, 'GET', path);
  return { bytes, load: { url: `${base}${path}`, headers: { cookie } } };
}

/** Walks the thread's pages from the first, and returns the path of page `wanted` (1-based). */
async function threadPagePath(base: string, fixture: ScaleFixture, wanted: number): Promise<string> {
  let path = `/api/posts/${fixture.threadId}`;
  for (let page = 1; page < wanted; page++) {
    const { nextCursor } = await api<{ nextCursor?: string | null }>(base, fixture.readerCookie, 'GET', path);
    if (!nextCursor) throw new Error(`the thread of ${THREAD_REPLIES} replies has no page ${page + 1} (is the paged thread API on this branch?)`);
    path = `/api/posts/${fixture.threadId}/replies?after=${encodeURIComponent(nextCursor)}`;
  }
  return path;
}

export const SCALE_CASES: ScaleCase[] = [
  { name: 'thread, first page', kind: 'read', prepare: (base, fixture) => getCase(base, fixture.readerCookie, `/api/posts/${fixture.threadId}`) },
  {
    name: 'thread, page 10 of 50',
    kind: 'read',
    prepare: async (base, fixture) => getCase(base, fixture.readerCookie, await threadPagePath(base, fixture, 10)),
  },
  { name: 'home feed', kind: 'read', prepare: (base, fixture) => getCase(base, fixture.readerCookie, '/api/feed?sort=newest') },
  { name: 'needs-reply feed', kind: 'read', prepare: (base, fixture) => getCase(base, fixture.readerCookie, '/api/feed/needs-reply') },
  { name: `search "${COMMON_WORD}"`, kind: 'read', prepare: (base, fixture) => getCase(base, fixture.readerCookie, `/api/search?q=${COMMON_WORD}`) },
  { name: `search "${RARE_WORD}"`, kind: 'read', prepare: (base, fixture) => getCase(base, fixture.readerCookie, `/api/search?q=${RARE_WORD}`) },
  {
    name: 'reply create',
    kind: 'write',
    prepare: async (base, fixture) => {
      let n = 0;
      // Words the assessor reads as ordinary support, different each time.
      const body = () => JSON.stringify({ body: `Thinking of you, reply number ${++n}. It does get easier with practice.` });
      const path = `/api/posts/${fixture.replyTargetId}/replies`;
      const first = await call(base, fixture.readerCookie, 'POST', path, JSON.parse(body()));
      const status = (first.json.reply as { status?: string } | undefined)?.status;
      if (status !== 'visible') throw new Error(`the write benchmark's reply was ${status}, not visible`);
      return {
        bytes: first.bytes,
        load: { url: `${base}${path}`, method: 'POST', headers: { cookie: fixture.readerCookie, 'content-type': 'application/json' }, body },
      };
    },
  },
];
