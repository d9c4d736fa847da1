import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../config/env.js';
import { KEY_BYTES, type SealingKey } from './sealed-text.js';

/**
 * The keys message bodies are sealed under. Each stored body names its key id;
 * the FIRST key of the ring is the active one (new bodies are sealed under it),
 * the others are kept to read what was sealed before a rotation, until no row
 * uses them (`hearth keys status`).
 *
 * Where the ring comes from, in order:
 * 1. `MESSAGE_KEYS` (`id:base64key,...`): several nodes must share it.
 * 2. `DM_ENCRYPTION_KEY`, the single key earlier versions reserved for this: the
 *    key `dm`, derived from it by HKDF-SHA256, so an installation already
 *    configured with it keeps working. Next to `MESSAGE_KEYS` it stays in the
 *    ring as a reading key, so a move to `MESSAGE_KEYS` loses nothing.
 * 3. Neither: `DATA_DIR/message-keys.json` (mode 0600), generated at first
 *    start; `hearth keys rotate` adds to it.
 */

export const KEY_ID_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
export const DM_KEY_ID = 'dm';
export const KEYRING_FILE = 'message-keys.json';

export type KeyringSource = { kind: 'env' } | { kind: 'file'; file: string };

/** A stored body names a key this node does not have: never a silent fallback. */
export class MissingMessageKeyError extends Error {
  override name = 'MissingMessageKeyError';
  constructor(readonly keyIds: string[]) {
    super(
      `Message bodies are sealed under key id${keyIds.length > 1 ? 's' : ''} ${keyIds.map((id) => `"${id}"`).join(', ')}, which this node does not have. ` +
        'Give every node the same keys (MESSAGE_KEYS, or the same DATA_DIR/message-keys.json), keeping old keys until `hearth keys status` shows no message uses them.',
    );
  }
}

export class MessageKeyring {
  private keys: SealingKey[];

  constructor(
    keys: SealingKey[],
    readonly source: KeyringSource,
  ) {
    if (keys.length === 0) throw new Error('a message keyring needs at least one key');
    this.keys = keys;
  }

  /** The key new bodies are sealed under. */
  get active(): SealingKey {
    return this.keys[0]!;
  }

  ids(): string[] {
    return this.keys.map((key) => key.id);
  }

  has(id: string): boolean {
    return this.keys.some((key) => key.id === id);
  }

  /** A file keyring read again (after `hearth keys rotate` changed it); an environment one stays as configured. */
  reload(): void {
    if (this.source.kind === 'file') this.keys = readKeyringFile(this.source.file);
  }

  /**
   * The key with this id. A file keyring is read again on a miss: `hearth keys
   * rotate` may have added a key (and made it active) while this node runs.
   */
  get(id: string): SealingKey {
    let key = this.keys.find((candidate) => candidate.id === id);
    if (!key && this.source.kind === 'file') {
      this.reload();
      key = this.keys.find((candidate) => candidate.id === id);
    }
    if (!key) throw new MissingMessageKeyError([id]);
    return key;
  }
}

/** A new random key with an id unlikely to meet another node's (date and random suffix). */
export function generateKey(now: Date = new Date()): SealingKey {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  return { id: `k${day}-${randomBytes(3).toString('hex')}`, key: randomBytes(KEY_BYTES) };
}

export function formatKeyEntry(key: SealingKey): string {
  return `${key.id}:${key.key.toString('base64')}`;
}

/** Parses `id:base64key,...`; the messages name the entry and what is wrong, never the key. */
export function parseKeyList(value: string): { keys: SealingKey[] } | { error: string } {
  const keys: SealingKey[] = [];
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) return { error: 'must list at least one key as id:base64key' };
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const encoded = colon < 0 ? '' : entry.slice(colon + 1);
    if (!KEY_ID_PATTERN.test(id)) return { error: `entry ${index + 1} must be id:base64key, with an id of 1 to 40 letters, digits, dots, dashes or underscores` };
    if (id === DM_KEY_ID) return { error: `entry ${index + 1}: the id "${DM_KEY_ID}" is reserved for the key derived from DM_ENCRYPTION_KEY` };
    if (keys.some((key) => key.id === id)) return { error: `entry ${index + 1}: the id "${id}" is listed twice` };
    const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded) ? Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) return { error: `entry ${index + 1} ("${id}"): the key must be ${KEY_BYTES} bytes in base64 (\`npx hearth keys new\` makes one)` };
    keys.push({ id, key });
  }
  return { keys };
}

/** The `dm` key: DM_ENCRYPTION_KEY is a passphrase of at least 32 characters, not raw key bytes. */
export function deriveDmKey(secret: string): SealingKey {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), 'hearth message key v1', KEY_BYTES));
  return { id: DM_KEY_ID, key };
}

const keyringFileSchema = z.object({
  keys: z
    .array(z.object({ id: z.string().regex(KEY_ID_PATTERN), key: z.string(), createdAt: z.string().optional() }))
    .min(1),
});

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function readKeyringFile(file: string): SealingKey[] {
  const parsed = keyringFileSchema.safeParse(readJson(file));
  if (!parsed.success) throw new ConfigError(`${file} is not a Hearth message keyring (restore it from your backup)`);
  return parsed.data.keys.map((entry) => {
    const key = Buffer.from(entry.key, 'base64');
    if (key.length !== KEY_BYTES) throw new ConfigError(`${file}: key "${entry.id}" is not ${KEY_BYTES} bytes (restore it from your backup)`);
    return { id: entry.id, key };
  });
}

function writeKeyringFile(file: string, keys: SealingKey[], createdAt: Map<string, string>): void {
  const body = { keys: keys.map((key) => ({ id: key.id, key: key.key.toString('base64'), createdAt: createdAt.get(key.id) })) };
  // Written beside, then renamed: a crash never leaves half a keyring.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

function createdAtOf(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const parsed = keyringFileSchema.safeParse(readJson(file));
  return new Map(parsed.success ? parsed.data.keys.flatMap((entry) => (entry.createdAt ? [[entry.id, entry.createdAt] as const] : [])) : []);
}

export function keyringFilePath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE);
}

export interface KeyringConfig {
  dataDir: string;
  /** MESSAGE_KEYS, parsed. */
  messageKeys: SealingKey[] | undefined;
  /** DM_ENCRYPTION_KEY. */
  dmEncryptionKey: string | undefined;
}

/** The ring from the environment, or DATA_DIR's file (created with one new key when missing; the caller made DATA_DIR). */
export function loadMessageKeyring(config: KeyringConfig): MessageKeyring {
  const dm = config.dmEncryptionKey ? deriveDmKey(config.dmEncryptionKey) : undefined;
  if (config.messageKeys) return new MessageKeyring(dm ? [...config.messageKeys, dm] : config.messageKeys, { kind: 'env' });
  if (dm) return new MessageKeyring([dm], { kind: 'env' });
  const file = keyringFilePath(config.dataDir);
  if (!existsSync(file)) {
    const first = generateKey();
    writeKeyringFile(file, [first], new Map([[first.id, new Date().toISOString()]]));
  }
  chmodSync(file, 0o600);
  return new MessageKeyring(readKeyringFile(file), { kind: 'file', file });
}

/** `hearth keys rotate` on a file keyring: a new key goes first (active), the old ones stay to read with. */
export function addActiveKeyToFile(file: string, now: Date = new Date()): SealingKey {
  const keys = readKeyringFile(file);
  const created = createdAtOf(file);
  const fresh = generateKey(now);
  created.set(fresh.id, now.toISOString());
  writeKeyringFile(file, [fresh, ...keys], created);
  return fresh;
}

/** `hearth keys retire <id>` on a file keyring: the caller has checked that no row uses it. */
export function removeKeyFromFile(file: string, id: string): void {
  const keys = readKeyringFile(file);
  if (keys[0]?.id === id) throw new Error(`"${id}" is the active key: rotate first, then retire it once no message uses it`);
  if (!keys.some((key) => key.id === id)) throw new Error(`the keyring has no key "${id}"`);
  writeKeyringFile(file, keys.filter((key) => key.id !== id), createdAtOf(file));
}
