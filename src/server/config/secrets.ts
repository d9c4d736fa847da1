import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const secretsFileSchema = z.object({
  sessionSecret: z.string().min(32),
  dmEncryptionKey: z.string().min(32),
});

export type Secrets = z.infer<typeof secretsFileSchema>;

/**
 * Secrets the embedded default needs, generated on first start and kept in
 * DATA_DIR/secrets.json with owner-only permissions (0600), so that a restart
 * keeps sessions and encrypted data readable. Values given in the environment win.
 */
export function loadOrCreateSecrets(dataDir: string, fromEnv: Partial<Secrets>): Secrets {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'secrets.json');
  let stored: Secrets;
  if (existsSync(file)) {
    stored = secretsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } else {
    stored = {
      sessionSecret: randomBytes(32).toString('base64url'),
      dmEncryptionKey: randomBytes(32).toString('base64url'),
    };
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return {
    sessionSecret: fromEnv.sessionSecret ?? stored.sessionSecret,
    dmEncryptionKey: fromEnv.dmEncryptionKey ?? stored.dmEncryptionKey,
  };
}
