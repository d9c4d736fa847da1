import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/index.js';
import { auditLog } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { recordAudit } from './record.js';

/**
 * The audit log is append-only in the database (migration 0006's triggers), not
 * only in code: the app's own connection, with raw SQL, cannot rewrite or erase
 * a single row, on PGlite and PostgreSQL alike.
 */
let hearth: TestApp;

beforeAll(async () => {
  hearth = await createTestApp();
  for (const action of ['moderation.remove', 'moderation.ban', 'anonymity.revealed']) {
    await recordAudit(hearth.deps.db, { actorId: crypto.randomUUID(), action, targetType: 'post', targetId: crypto.randomUUID(), details: { reason: 'kept' } });
  }
});
afterAll(async () => {
  await hearth?.close();
});

const snapshot = () => hearth.deps.db.select().from(auditLog).orderBy(asc(auditLog.createdAt), asc(auditLog.id));

/** The database's own refusal, under drizzle's "Failed query" wrapper: the trigger's message and insufficient_privilege. */
async function refusal(attempt: () => Promise<unknown>): Promise<{ message: string; code: unknown }> {
  try {
    await attempt();
  } catch (error) {
    const cause = (error as { cause?: { message?: string; code?: unknown } }).cause ?? (error as { message: string; code?: unknown });
    return { message: String(cause.message), code: cause.code };
  }
  throw new Error('the statement was not refused');
}

async function refused(attempt: () => Promise<unknown>) {
  const before = await snapshot();
  const error = await refusal(attempt);
  expect(error.message).toMatch(/audit_log is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/);
  expect(error.code).toBe('42501');
  expect(await snapshot()).toEqual(before);
}

describe('the audit log is append-only in the database', () => {
  it('takes new rows through the app’s own connection', async () => {
    const count = (await snapshot()).length;
    await hearth.deps.db.execute(sql`insert into audit_log (actor_id, action, target_type, details) values (null, 'test.inserted', 'test', '{}'::jsonb)`);
    await recordAudit(hearth.deps.database.db, { actorId: null, action: 'test.recorded', targetType: 'test' });
    expect((await snapshot()).length).toBe(count + 2);
  });

  it('refuses UPDATE of every row and of each one, with raw SQL and the query builder', async () => {
    await refused(() => hearth.deps.db.execute(sql`update audit_log set action = 'rewritten'`));
    await refused(() => hearth.deps.db.execute(sql`update audit_log set details = '{}'::jsonb, actor_id = null where true`));
    for (const row of await snapshot()) {
      await refused(() => hearth.deps.db.execute(sql`update audit_log set created_at = created_at - interval '1 year' where id = ${row.id}`));
      await refused(() => hearth.deps.db.update(auditLog).set({ action: 'rewritten' }).where(eq(auditLog.id, row.id)));
    }
  });

  it('refuses DELETE of every row and of each one', async () => {
    await refused(() => hearth.deps.db.execute(sql`delete from audit_log`));
    for (const row of await snapshot()) {
      await refused(() => hearth.deps.db.execute(sql`delete from audit_log where id = ${row.id}`));
      await refused(() => hearth.deps.db.delete(auditLog).where(eq(auditLog.id, row.id)));
    }
  });

  it('refuses TRUNCATE, plain and cascading', async () => {
    await refused(() => hearth.deps.db.execute(sql`truncate audit_log`));
    await refused(() => hearth.deps.db.execute(sql`truncate table audit_log restart identity cascade`));
  });

  it('refuses inside a transaction too, and the whole transaction rolls back', async () => {
    await refused(() =>
      hearth.deps.db.transaction(async (tx) => {
        await tx.execute(sql`insert into audit_log (actor_id, action, target_type, details) values (null, 'test.in_transaction', 'test', '{}'::jsonb)`);
        await tx.execute(sql`delete from audit_log where action = 'moderation.ban'`);
      }),
    );
  });

  it('refuses through the database handle the app was given (deps.database)', async () => {
    await refused(() => hearth.deps.database.db.execute(sql`update audit_log set action = 'rewritten'`));
    await refused(() => hearth.deps.database.db.execute(sql`delete from audit_log`));
    await refused(() => hearth.deps.database.db.execute(sql`truncate audit_log`));
  });

  it('keeps both triggers in place, as the migration made them', async () => {
    const triggers = rowsOf<{ tgname: string }>(
      await hearth.deps.db.execute(sql`select tgname from pg_trigger where tgrelid = 'audit_log'::regclass and not tgisinternal and tgenabled <> 'D' order by tgname`),
    );
    expect(triggers.map((row) => row.tgname)).toEqual(['audit_log_no_truncate', 'audit_log_no_update_delete']);
  });
});
