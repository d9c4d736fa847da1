import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, safetyAlerts } from '../../db/schema/index.js';
import { account as accountOf, memberIn, writePost } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const account = (role?: 'moderator' | 'admin') => accountOf(hearth, role);

const CRISIS = { title: 'Tonight', body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.' };

describe('safety settings', () => {
  it('the team reads them with the defaults and who is on staff; members cannot', async () => {
    const moderator = await account('moderator');
    const admin = await account('admin');
    const member = await account();
    const response = await moderator.client.get('/api/safety/settings');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.settings).toMatchObject({ teamLimitedTo: null, deadlineMinutes: null, secondLook: true, autoReply: { enabled: true, text: null } });
    expect(body.defaults.deadlineMinutes).toEqual({ high: hearth.deps.config.alertDeadlineMs.high / 60_000, imminent: hearth.deps.config.alertDeadlineMs.imminent / 60_000 });
    expect(body.defaults.autoReplyText).toMatch(/automatic message/);
    const staffHandles = body.staff.map((entry: { handle: string }) => entry.handle);
    expect(staffHandles).toEqual(expect.arrayContaining([moderator.user.handle, admin.user.handle]));
    expect(staffHandles).not.toContain(member.user.handle);
    expect((await member.client.get('/api/safety/settings')).statusCode).toBe(403);
  });

  it('only admins change them; the change is audited by key (never the text) and new alerts follow the new deadlines', async () => {
    const moderator = await account('moderator');
    const admin = await account('admin');
    expect((await moderator.client.patch('/api/safety/settings', { secondLook: false })).statusCode).toBe(403);
    const text = 'A kind message from the team: you are not alone, and a person will read this soon.';
    const response = await admin.client.patch('/api/safety/settings', { deadlineMinutes: { high: 10, imminent: 1 }, autoReply: { enabled: true, text } });
    expect(response.statusCode).toBe(200);
    expect(response.json().settings).toMatchObject({ deadlineMinutes: { high: 10, imminent: 1 }, autoReply: { enabled: true, text }, secondLook: true });
    const [audit] = await hearth.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'safety.settings_changed'), eq(auditLog.actorId, admin.user.id)));
    expect(audit!.details).toEqual({ changed: ['deadlineMinutes', 'autoReply'] });
    expect(JSON.stringify(audit)).not.toContain('kind message');

    const writer = await memberIn(hearth, 'depression');
    const before = Date.now();
    const { post } = await writePost(writer.client, 'depression', CRISIS);
    const [alert] = await hearth.deps.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, post.id));
    const deadlineMs = alert!.deadlineAt.getTime() - alert!.createdAt.getTime();
    expect(alert!.level).toBe('imminent');
    expect(deadlineMs).toBe(60_000);
    expect(alert!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // "Use the defaults" again.
    expect((await admin.client.patch('/api/safety/settings', { deadlineMinutes: null })).json().settings.deadlineMinutes).toBeNull();
  });

  it('a limited team names current moderators and admins only (400 naming the field); off-list moderators lose the team’s pages', async () => {
    const admin = await account('admin');
    const onList = await account('moderator');
    const offList = await account('moderator');
    const member = await account();
    for (const teamLimitedTo of [[member.user.id], ['00000000-0000-4000-8000-000000000000'], []]) {
      const refused = await admin.client.patch('/api/safety/settings', { teamLimitedTo });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.field).toBe('teamLimitedTo');
    }
    const unknownKey = await admin.client.patch('/api/safety/settings', { everyone: true });
    expect(unknownKey.statusCode).toBe(400);
    const limited = await admin.client.patch('/api/safety/settings', { teamLimitedTo: [onList.user.id, admin.user.id] });
    expect(limited.statusCode).toBe(200);
    expect((await onList.client.get('/api/safety/duty')).statusCode).toBe(200);
    expect((await offList.client.get('/api/safety/duty')).statusCode).toBe(403);
    expect((await offList.client.get('/api/safety/review')).statusCode).toBe(403);
    expect((await admin.client.patch('/api/safety/settings', { teamLimitedTo: null })).statusCode).toBe(200);
    expect((await offList.client.get('/api/safety/review')).statusCode).toBe(200);
  });
});
