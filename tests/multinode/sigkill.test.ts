import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAFETY_LIVE } from '../../src/shared/api/safety-live.js';
import { openDatabase, type DatabaseHandle } from '../../src/server/db/index.js';
import { safetyAlertActions, safetyAlerts, safetyAlertState, safetyDuty, users } from '../../src/server/db/schema/index.js';
import { connectLive, type LiveSocket } from '../../src/server/test-support/live-socket.js';
import { createTestDatabase, type TestDatabase } from '../../src/server/test-support/test-database.js';
import { call, CRISIS_POST, type Node } from './support.js';

/**
 * Nothing is lost (issue 11, item 10): a real `hearth serve` process on
 * PostgreSQL acknowledges a crisis post and is killed with SIGKILL at once.
 * Started again, the alert is there, its deadline still runs (no step before
 * it), and it escalates to the on-duty moderator's socket.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const DEADLINE_MINUTES = 0.25; // 15 s: long enough for the restart to come before it
let database: TestDatabase;
let check: DatabaseHandle;
let dataDir: string;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error('the SIGKILL test needs TEST_DATABASE_URL');
  database = await createTestDatabase('postgres', false);
  check = await openDatabase({ url: database.url });
  dataDir = mkdtempSync(join(tmpdir(), 'hearth-sigkill-'));
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await check?.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** `hearth serve` from the sources, as an operator runs it; resolves once it prints where it listens. */
async function serve(): Promise<{ node: Node; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli/index.ts', 'serve'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      PUBLIC_URL: 'http://127.0.0.1',
      SESSION_SECRET: 'sigkill-session-secret-sigkill-session-secret',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      ALERT_DEADLINE_IMMINENT_MINUTES: String(DEADLINE_MINUTES),
      SAFETY_SCHEDULER_INTERVAL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`hearth serve exited (${code ?? signal})`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /Hearth is listening on (http:\/\/[^\s;]+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { node: { url } as Node, child };
}

function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

interface Signed {
  user: { id: string };
  post: { id: string };
  support: { level: string } | null;
}

describe('SIGKILL right after a crisis post is acknowledged', () => {
  it('the alert survives the crash, its deadline still runs, and it escalates after the restart', async () => {
    const first = await serve();
    const moderator = await call<Signed>(first.node, 'POST', '/api/auth/sign-up', undefined, { handle: 'sigkill_mod', password: 'several-quiet-nodes' });
    await check.db.update(users).set({ role: 'moderator' }).where(eq(users.id, moderator.json.user.id));
    await check.db.insert(safetyDuty).values({ userId: moderator.json.user.id, since: new Date() });
    const writer = await call<Signed>(first.node, 'POST', '/api/auth/sign-up', undefined, { handle: 'sigkill_writer', password: 'several-quiet-nodes' });
    expect((await call(first.node, 'POST', '/api/groups/depression/join', writer.cookie, { acceptRules: true })).status).toBe(200);

    const posted = await call<Signed>(first.node, 'POST', '/api/groups/depression/posts', writer.cookie, CRISIS_POST);
    // Acknowledged with the support card, then killed at once: no graceful shutdown, no flush.
    expect(posted.status).toBe(201);
    expect(posted.json.support?.level).toBe('imminent');
    await kill9(first.child);

    const [alert] = await check.db.select().from(safetyAlerts).where(eq(safetyAlerts.contentId, posted.json.post.id));
    expect(alert).toMatchObject({ status: 'open', level: 'imminent' });
    const [state] = await check.db.select().from(safetyAlertState).where(eq(safetyAlertState.alertId, alert!.id));
    expect(state).toMatchObject({ escalationStep: 0, nextStepAt: alert!.deadlineAt });

    const second = await serve();
    let socket: LiveSocket | undefined;
    try {
      socket = connectLive(second.node.url, moderator.cookie!);
      await socket.waitFor((message) => message.type === 'ready');
      await socket.resume(0);
      const urgent = await socket.waitFor(
        (message) => message.event?.type === SAFETY_LIVE.urgent && message.event.payload.alertId === alert!.id,
        DEADLINE_MINUTES * 60_000 + 20_000,
      );
      expect(urgent.event!.payload).toMatchObject({ alertId: alert!.id, level: 'imminent', step: 1 });
      const actions = await check.db
        .select()
        .from(safetyAlertActions)
        .where(and(eq(safetyAlertActions.alertId, alert!.id), eq(safetyAlertActions.kind, 'escalated')));
      expect(actions.map((action) => action.details.step)).toEqual([1]);
      // The deadline ran on through the crash: the step came at it, not before.
      expect(actions[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(alert!.deadlineAt.getTime());
    } finally {
      socket?.socket.close();
      await kill9(second.child);
    }
  });
});
