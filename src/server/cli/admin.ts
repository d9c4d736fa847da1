import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../config/index.js';
import { openDatabase, runMigrations } from '../db/index.js';
import { handleSchema } from '../../shared/api/accounts.js';
import { recordAudit } from '../modules/audit/record.js';
import { findUserByHandle, updateUser } from '../modules/accounts/queries.js';
import { signUp } from '../modules/accounts/service.js';
import { DataDirLockedError, withDataDirLock } from './data-dir-lock.js';

/**
 * `hearth admin create <handle>`: makes the first admin (or promotes an existing
 * member). A new account gets a random password, printed once with its recovery codes.
 */
export async function createAdmin(rawHandle: string | undefined, config: Config = loadConfig()): Promise<number> {
  const parsed = handleSchema.safeParse(rawHandle ?? '');
  if (!parsed.success) {
    console.error(`hearth admin create: the handle ${parsed.error.issues[0]?.message ?? 'is not valid'}.`);
    return 2;
  }
  const handle = parsed.data;
  try {
    // A running server on the embedded database would never see an account made here.
    return await withDataDirLock(config, 'admin create', () => createAdminIn(config, handle));
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.error(error.message);
    return 1;
  }
}

async function createAdminIn(config: Config, handle: string): Promise<number> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await runMigrations(database);
    const deps = { db: database.db, config };
    const existing = await findUserByHandle(database.db, handle);
    if (existing) {
      await updateUser(database.db, existing.id, { role: 'admin' });
      await recordAudit(database.db, { actorId: null, action: 'user.role_changed', targetType: 'user', targetId: existing.id, details: { from: existing.role, to: 'admin', via: 'cli' } });
      console.log(`${existing.handle} is now an admin.`);
      return 0;
    }
    const password = randomBytes(18).toString('base64url');
    const result = await signUp(deps, { handle, password, role: 'admin' }, { ip: '127.0.0.1', userAgent: 'hearth cli' });
    await recordAudit(database.db, { actorId: null, action: 'user.created_admin', targetType: 'user', targetId: result.user.id, details: { via: 'cli' } });
    console.log(`Admin ${handle} created.\n  password: ${password}\n  recovery codes:\n${result.recoveryCodes.map((code) => `    ${code}`).join('\n')}\nChange the password after signing in. These are shown only once.`);
    return 0;
  } finally {
    await database.close();
  }
}
