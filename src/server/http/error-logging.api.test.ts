import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type HearthApp } from '../app.js';
import { loadConfig } from '../config/index.js';
import { join } from '../test-support/community.js';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database.js';
import { TestClient } from '../test-support/test-client.js';

/**
 * Issue 10, defect 6: a failed query's error message holds its SQL parameters
 * (a post's body, an anonymous author's id beside `anonymous=true`). The server
 * log keeps the error's class, its SQLSTATE and the route, never those.
 */
let hearth: HearthApp;
let testDatabase: TestDatabase;
const dataDir = mkdtempSync(joinPath(tmpdir(), 'hearth-test-'));
const lines: string[] = [];

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    SESSION_SECRET: 'test-session-secret-test-session-secret',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
  });
  testDatabase = await createTestDatabase();
  hearth = await buildApp({
    config,
    database: testDatabase.handle,
    logStream: { write: (line) => void lines.push(line) },
  });
});

afterAll(async () => {
  await hearth?.close();
  await testDatabase?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server log when a query fails', () => {
  it('names the error class, the SQLSTATE and the route, never the post body or the anonymous author', async () => {
    const author = new TestClient(hearth.app);
    const { user } = await author.signUp();
    await join(author, 'grief-and-loss');
    // Any insert into posts now fails inside the database, as a full disk or a bad migration would.
    await hearth.deps.db.execute(
      sql.raw(
        `CREATE FUNCTION refuse_posts() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'posts are refused' USING ERRCODE = 'P0001'; END $$`,
      ),
    );
    await hearth.deps.db.execute(
      sql.raw('CREATE TRIGGER refuse_posts BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION refuse_posts()'),
    );

    const body = 'Nobody here knows it is me: unmistakable-lantern-words.';
    const response = await author.post('/api/groups/grief-and-loss/posts', {
      title: 'Only under an alias',
      body,
      anonymous: true,
    });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });

    const log = lines.join('');
    const entry = lines
      .map(
        (line) =>
          JSON.parse(line) as {
            msg: string;
            route?: string;
            error?: { type: string; code?: string; cause?: { code?: string } };
          },
      )
      .find((line) => line.msg === 'unhandled error');
    expect(log).not.toContain('unmistakable-lantern-words');
    expect(log).not.toContain(user.id);
    expect(log).not.toContain(user.handle);
    expect(log).not.toMatch(/params|Failed query/i);
    // What an operator needs instead: where, what kind, which SQLSTATE.
    expect(entry?.route).toBe('POST /api/groups/:slug/posts');
    expect(JSON.stringify(entry?.error)).toContain('"P0001"');
  });
});

describe('the request log', () => {
  it('names the route pattern, never a member id or anything typed in the path', async () => {
    const client = new TestClient(hearth.app);
    const { user } = await client.signUp();
    lines.length = 0;
    await client.request('PATCH', `/api/groups/grief-and-loss/members/${user.id}`, { role: 'moderator' });
    await client.request('GET', '/api/unmatched-path/quiet-willow-words');
    const requests = lines
      .map((line) => JSON.parse(line) as { msg: string; req?: { method: string; url: string } })
      .filter((line) => line.msg === 'incoming request')
      .map((line) => `${line.req?.method} ${line.req?.url}`);
    expect(requests).toEqual(['PATCH /api/groups/:slug/members/:userId', 'GET (no route)']);
    expect(lines.join('')).not.toContain(user.id);
    expect(lines.join('')).not.toContain('quiet-willow-words');
  });
});
