import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysCommand, type KeysIo } from '../cli/keys.js';
import type { Database } from '../db/index.js';
import { messages, safetyAlerts } from '../db/schema/index.js';
import { insertMessage } from '../modules/conversations/queries.js';
import { account, memberIn, writePost } from '../test-support/community.js';
import { testDriver } from '../test-support/test-database.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import type { TestClient } from '../test-support/test-client.js';
import { openMessageBody } from './message-body.js';
import { formatKeyEntry, generateKey, MessageKeyring } from './message-keys.js';
import { resealAll, resealBatch } from './reseal.js';

/**
 * `hearth keys rotate` and re-sealing (issue 15 part 6): every body moves to
 * the new key a batch at a time while the app serves, stays readable, a second
 * run changes nothing, and writes and other rotators running at the same time
 * lose nothing and re-seal nothing twice.
 */

interface Conversation {
  hearth: TestApp;
  member: { client: TestClient; user: { id: string } };
  conversationId: string;
}

/** A member with a safety conversation (a crisis post, then the team's outreach), as the real routes make it. */
async function conversationIn(hearth: TestApp): Promise<Conversation> {
  const member = await memberIn(hearth, 'depression');
  const staff = await account(hearth, 'moderator');
  const post = await writePost(member.client, 'depression', { title: 'Tonight', body: 'I have written my note and tonight is the night. Thank you all for everything.' });
  const [alert] = await hearth.deps.db.select({ id: safetyAlerts.id }).from(safetyAlerts).where(eq(safetyAlerts.contentId, post.post.id));
  const alertId = alert!.id;
  expect((await staff.client.post(`/api/safety/alerts/${alertId}/outreach`, { body: 'Hi, this is the team. How are you doing?' })).statusCode).toBe(201);
  const conversationId = (await member.client.get('/api/conversations')).json().conversations[0].id as string;
  return { hearth, member, conversationId };
}

/** Messages written by the one writer (the routes' rate limit would slow a test of hundreds). */
async function writeMessages(at: Conversation, texts: string[]): Promise<void> {
  for (const body of texts) {
    await insertMessage(at.hearth.deps.db, at.hearth.deps.config.messageKeys, { conversationId: at.conversationId, senderId: at.member.user.id, asTeam: false, signed: false, body, alertId: null, now: new Date() });
  }
}

async function keyIds(db: Database): Promise<Map<string, number>> {
  const rows = await db.select({ keyId: messages.keyId, n: sql<number>`count(*)`.mapWith(Number) }).from(messages).groupBy(messages.keyId);
  return new Map(rows.map((row) => [row.keyId ?? 'plaintext', row.n]));
}

async function sealedBytes(db: Database): Promise<string[]> {
  const rows = await db.select({ id: messages.id, sealed: messages.bodySealed }).from(messages).orderBy(asc(messages.id));
  return rows.map((row) => `${row.id}:${row.sealed?.toString('base64')}`);
}

function captureIo(): KeysIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (line) => lines.push(line), err: (line) => lines.push(line) };
}

describe('hearth keys rotate on the DATA_DIR keyring, while the app serves', () => {
  let hearth: TestApp;
  let at: Conversation;
  const texts = Array.from({ length: 23 }, (_, i) => `message number ${i} before the rotation`);

  beforeAll(async () => {
    hearth = await createTestApp();
    at = await conversationIn(hearth);
    await writeMessages(at, texts);
  });
  afterAll(async () => {
    await hearth?.close();
  });

  it('re-seals every body under a new active key in batches; the app reads them all; a second run is a no-op; the old key can then be retired', async () => {
    const ring = hearth.deps.config.messageKeys;
    const old = ring.active.id;
    expect(await keyIds(hearth.deps.db)).toEqual(new Map([[old, 24]]));

    const io = captureIo();
    const run = (args: string[]) => keysCommand(args, hearth.deps.config, (fn) => fn(hearth.deps.db), io);
    expect(await run(['rotate', '--batch', '7'])).toBe(0);
    const fresh = ring.active.id;
    expect(fresh).not.toBe(old);
    expect(ring.ids()).toEqual([fresh, old]);
    expect(await keyIds(hearth.deps.db)).toEqual(new Map([[fresh, 24]]));
    expect(io.lines.filter((line) => /re-sealed so far \(\d batches\)/.test(line))).toHaveLength(4);

    // Still readable through the routes, in order, and new messages go under the new key.
    const page = (await at.member.client.get(`/api/conversations/${at.conversationId}`)).json() as { messages: { body: string }[] };
    expect(page.messages.map((message) => message.body).sort()).toEqual(['Hi, this is the team. How are you doing?', ...texts].sort());

    const before = await sealedBytes(hearth.deps.db);
    io.lines.length = 0;
    expect(await run(['reseal'])).toBe(0);
    expect(io.lines).toEqual([`Every message is already sealed under the active key "${fresh}".`]);
    expect(await sealedBytes(hearth.deps.db)).toEqual(before);

    io.lines.length = 0;
    expect(await run(['status'])).toBe(0);
    expect(io.lines).toContain(`  ${fresh}: 24 messages (active)`);
    expect(io.lines).toContain(`  ${old}: 0 messages (no message uses it: can be retired)`);
    expect(await run(['retire', fresh])).toBe(1);
    expect(await run(['retire', old])).toBe(0);
    expect(ring.ids()).toEqual([fresh]);
    expect((await at.member.client.get(`/api/conversations/${at.conversationId}`)).statusCode).toBe(200);
  });
});

describe('re-sealing beside writers and other rotators', () => {
  let hearth: TestApp;
  let at: Conversation;
  const [a, b] = [generateKey(), generateKey()];

  beforeAll(async () => {
    // A node that seals under A and can already read B: step 2 of rotating keys kept in MESSAGE_KEYS.
    hearth = await createTestApp({ MESSAGE_KEYS: `${formatKeyEntry(a)},${formatKeyEntry(b)}` });
    at = await conversationIn(hearth);
  });
  afterAll(async () => {
    await hearth?.close();
  });

  it('two rotators and a writer at once: each row is re-sealed once, nothing is lost, every body still opens; the rest goes on the next run', async () => {
    const before = Array.from({ length: 40 }, (_, i) => `written under A, number ${i}`);
    await writeMessages(at, before);
    const rotation = new MessageKeyring([b, a], { kind: 'env' });
    const during = Array.from({ length: 12 }, (_, i) => `written during the rotation, number ${i}`);
    const [first, second] = await Promise.all([
      resealAll(hearth.deps.db, rotation, { scope: 'all', batchSize: 5 }),
      resealAll(hearth.deps.db, rotation, { scope: 'all', batchSize: 5 }),
      writeMessages(at, during),
      // A reader through the routes all along.
      (async () => {
        for (let i = 0; i < 5; i++) expect((await at.member.client.get(`/api/conversations/${at.conversationId}?limit=100`)).statusCode).toBe(200);
      })(),
    ]);
    const counts = await keyIds(hearth.deps.db);
    // Only the rotators write B: what is under B is exactly what they re-sealed, so no row was re-sealed twice.
    expect(counts.get(b.id)).toBe(first!.rekeyed + second!.rekeyed);
    expect((counts.get(b.id) ?? 0) + (counts.get(a.id) ?? 0)).toBe(53);

    const finish = await resealAll(hearth.deps.db, rotation, { scope: 'all', batchSize: 5 });
    expect(finish.rekeyed).toBe(counts.get(a.id) ?? 0);
    expect(await keyIds(hearth.deps.db)).toEqual(new Map([[b.id, 53]]));
    expect(await resealAll(hearth.deps.db, rotation, { scope: 'all' })).toEqual({ sealed: 0, rekeyed: 0, batches: 0 });

    const stored = await hearth.deps.db.select({ id: messages.id, bodySealed: messages.bodySealed, keyId: messages.keyId, legacyBody: messages.body }).from(messages);
    const opened = stored.map((row) => openMessageBody(rotation, row));
    expect(opened).toEqual(expect.arrayContaining([...before, ...during]));
    const page = (await at.member.client.get(`/api/conversations/${at.conversationId}?limit=100`)).json() as { messages: { body: string }[] };
    expect(page.messages.map((message) => message.body)).toEqual(expect.arrayContaining([...before, ...during]));
  });

  it.skipIf(testDriver !== 'postgres')('a row a writer holds is passed over, not waited on, and taken by the next batch', async () => {
    const rotation = new MessageKeyring([a, b], { kind: 'env' });
    const [held] = await hearth.deps.db.select({ id: messages.id }).from(messages).limit(1);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const writer = hearth.deps.db.transaction(async (tx) => {
      await tx.select({ id: messages.id }).from(messages).where(eq(messages.id, held!.id)).for('update');
      locked();
      await released;
    });
    await isLocked;
    const batch = await resealBatch(hearth.deps.db, rotation, { scope: 'all', batchSize: 1000 });
    expect(batch.rekeyed).toBe(52);
    release();
    await writer;
    expect(await resealBatch(hearth.deps.db, rotation, { scope: 'all', batchSize: 1000 })).toEqual({ sealed: 0, rekeyed: 1 });
    expect(await keyIds(hearth.deps.db)).toEqual(new Map([[a.id, 53]]));
  });
});
