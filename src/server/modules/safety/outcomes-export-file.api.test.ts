import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.js';
import { updateUser } from '../accounts/queries.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { TestClient } from '../../test-support/test-client.js';
import { exportOutcomesCommand, type Io } from './outcomes-cli.js';

/** The outcomes file holds members' words: private on disk, and the audit says who ran the export. */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});
const quiet: Io = { write: () => undefined, out: () => undefined, err: () => undefined };

async function anAdmin() {
  const { user } = await new TestClient(hearth.app).signUp();
  await updateUser(hearth.deps.db, user.id, { role: 'admin' });
  return user;
}

describe('hearth risk outcomes --out', () => {
  it('makes a file that already exists private (0600), as a new one is', async () => {
    const admin = await anAdmin();
    const file = join(mkdtempSync(join(tmpdir(), 'hearth-outcomes-')), 'outcomes.jsonl');
    writeFileSync(file, 'old', { mode: 0o644 });
    expect(await exportOutcomesCommand(['--admin', admin.handle, '--out', file], hearth.deps.db, hearth.deps.config.messageKeys, quiet)).toBe(0);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
  });

  it('records the operating-system account that ran it beside the admin it names', async () => {
    const admin = await anAdmin();
    expect(await exportOutcomesCommand(['--admin', admin.handle], hearth.deps.db, hearth.deps.config.messageKeys, quiet)).toBe(0);
    const [row] = await hearth.deps.db.select().from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(row?.action).toBe('risk.outcomes_exported');
    expect(row?.details).toMatchObject({ osUser: userInfo().username });
  });
});
