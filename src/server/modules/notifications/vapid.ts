import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';
import type { Config } from '../../config/index.js';

const vapidFileSchema = z.object({ publicKey: z.string().min(80), privateKey: z.string().min(40) });

export type VapidKeys = z.infer<typeof vapidFileSchema>;

/**
 * The VAPID key pair that signs this server's pushes: from config when given
 * (several nodes must share one pair, so a multi-node install sets both), else
 * generated on first start into DATA_DIR/vapid.json, owner-only (0600), so a
 * restart keeps every browser's subscription working.
 */
export function loadOrCreateVapidKeys(config: Pick<Config, 'dataDir' | 'push'>): { keys: VapidKeys; generated: boolean } {
  if (config.push.vapid) return { keys: config.push.vapid, generated: false };
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = join(config.dataDir, 'vapid.json');
  if (!existsSync(file)) {
    const fresh = webpush.generateVAPIDKeys();
    try {
      writeFileSync(file, JSON.stringify({ publicKey: fresh.publicKey, privateKey: fresh.privateKey }, null, 2), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process sharing DATA_DIR wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return { keys: vapidFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))), generated: true };
}
