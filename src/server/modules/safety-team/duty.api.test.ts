import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock.js';
import { auditLog, liveEvents } from '../../db/schema/index.js';
import { staffChannel } from '../../live/hub.js';
import { account as accountOf } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { updateUser } from '../accounts/queries.js';

let hearth: TestApp;
const clock = new ManualClock(new Date('2026-03-02T20:00:00Z'));
beforeAll(async () => {
  hearth = await createTestApp({}, { clock });
});
afterAll(async () => {
  await hearth?.close();
});

const account = (role?: 'moderator' | 'admin') => accountOf(hearth, role);

const put = (client: TestClient, body: unknown) => client.request('PUT', '/api/safety/duty', body);
const handles = async (client: TestClient) => ((await client.get('/api/safety/duty')).json().onDuty as { handle: string }[]).map((entry) => entry.handle);

describe('safety duty', () => {
  it('a moderator switches duty on and off; the whole team sees who is on; it is audited and announced to staff', async () => {
    const amira = await account('moderator');
    const colleague = await account('admin');
    const on = await put(amira.client, { on: true });
    expect(on.statusCode).toBe(200);
    expect(on.json().you).toMatchObject({ on: true, until: null });
    expect(await handles(colleague.client)).toContain(amira.user.handle);
    expect((await colleague.client.get('/api/safety/duty')).json().you.on).toBe(false);

    const audits = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.actorId, amira.user.id), eq(auditLog.action, 'safety.duty_on')));
    expect(audits).toHaveLength(1);
    const events = await hearth.deps.db.select().from(liveEvents).where(and(eq(liveEvents.channel, staffChannel), eq(liveEvents.type, 'safety.duty_changed')));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => JSON.stringify(event.payload) === '{}')).toBe(true);

    const off = await put(amira.client, { on: false });
    expect(off.json().you.on).toBe(false);
    expect(await handles(colleague.client)).not.toContain(amira.user.handle);
  });

  it('"on until 23:00" ends by itself when the time passes', async () => {
    const lee = await account('moderator');
    const until = new Date(clock.now().getTime() + 3 * 3_600_000);
    const response = await put(lee.client, { on: true, until: until.toISOString() });
    expect(response.statusCode).toBe(200);
    expect(response.json().onDuty.find((entry: { handle: string }) => entry.handle === lee.user.handle)).toMatchObject({ until: until.toISOString() });
    clock.advance(2 * 3_600_000);
    expect(await handles(lee.client)).toContain(lee.user.handle);
    clock.advance(2 * 3_600_000);
    expect(await handles(lee.client)).not.toContain(lee.user.handle);
    expect((await lee.client.get('/api/safety/duty')).json().you).toMatchObject({ on: false, until: null });
  });

  it('switching on again while on moves only the end time', async () => {
    const sam = await account('moderator');
    const first = (await put(sam.client, { on: true })).json().you.since;
    clock.advance(60_000);
    const again = (await put(sam.client, { on: true, until: new Date(clock.now().getTime() + 3_600_000).toISOString() })).json().you;
    expect(again.since).toBe(first);
    expect(again.until).not.toBeNull();
  });

  it('refuses an end time in the past or more than 24 hours ahead, naming the field', async () => {
    const kit = await account('moderator');
    const past = await put(kit.client, { on: true, until: new Date(clock.now().getTime() - 60_000).toISOString() });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.field).toBe('until');
    const far = await put(kit.client, { on: true, until: new Date(clock.now().getTime() + 25 * 3_600_000).toISOString() });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.field).toBe('until');
    const garbled = await put(kit.client, { on: true, until: 'tonight' });
    expect(garbled.statusCode).toBe(400);
  });

  it('members can neither see nor switch duty; a moderator demoted drops off the list at once', async () => {
    const member = await account();
    expect((await member.client.get('/api/safety/duty')).statusCode).toBe(403);
    expect((await put(member.client, { on: true })).statusCode).toBe(403);
    expect((await new TestClient(hearth.app).get('/api/safety/duty')).statusCode).toBe(401);

    const demoted = await account('moderator');
    const watcher = await account('moderator');
    await put(demoted.client, { on: true });
    expect(await handles(watcher.client)).toContain(demoted.user.handle);
    await updateUser(hearth.deps.db, demoted.user.id, { role: 'member' });
    expect(await handles(watcher.client)).not.toContain(demoted.user.handle);
  });
});
