import { z } from 'zod';
import { parseKeyList } from '../crypto/message-keys.js';

/**
 * Every environment variable Hearth reads, validated in one place at start.
 * A bad value stops the process with a message naming the variable
 * (see `loadConfig`). The README's configuration table mirrors this schema.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

const secret = z.string().min(32, 'must be at least 32 characters');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  // Unset: http://localhost:$PORT, so that changing PORT alone keeps same-origin writes working.
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(20),
  DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z
    .string()
    .url()
    .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://')
    .optional(),
  // Overrides the installation id in Redis keys and channels: give a restored copy of a database (staging from a
  // production backup) its own when it shares the original's Redis, or it would hear the original's alerts.
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, dashes or underscores')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: on for the embedded database only; a DATABASE_URL install seeds the demo only when asked (true).
  DEMO_SEED: booleanFlag.optional(),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string => {
      if (value === 'true') return true;
      if (value === 'false' || value === '') return false;
      if (/^\d+$/.test(value)) return Number(value);
      return value; // a comma-separated list of addresses or CIDR ranges
    }),
  SESSION_SECRET: secret.optional(),
  // The keys message bodies are sealed under: `id:base64key,...`, the first one active (crypto/message-keys.ts).
  MESSAGE_KEYS: z
    .string()
    .transform((value, context) => {
      const parsed = parseKeyList(value);
      if ('error' in parsed) {
        context.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.keys;
    })
    .optional(),
  // Earlier versions' reserved message key: still read, as the key `dm` (derived with HKDF), beside or instead of MESSAGE_KEYS.
  DM_ENCRYPTION_KEY: secret.optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 90).default(60 * 24 * 14),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  // Fractions of a minute (down to 0.01, 0.6 s) let multi-node and crash tests see real deadlines pass quickly.
  ALERT_DEADLINE_HIGH_MINUTES: z.coerce.number().min(0.01).max(24 * 60).default(15),
  ALERT_DEADLINE_IMMINENT_MINUTES: z.coerce.number().min(0.01).max(60).default(2),
  // How often each node's escalation scheduler looks for due steps and webhook attempts. 0: off (unset under
  // NODE_ENV=test, where API tests call `tick()` with a moved clock instead).
  SAFETY_SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  // The escalation's last step: a pager or chat channel. Signed with the secret (HMAC-SHA256), which it requires.
  SAFETY_WEBHOOK_URL: z
    .string()
    .url()
    .refine((value) => /^https?:\/\//.test(value), 'must start with http:// or https://')
    .optional(),
  SAFETY_WEBHOOK_SECRET: secret.optional(),
  // Web Push (notifications): the VAPID key pair, both or neither; unset, one is generated into DATA_DIR/vapid.json (0600).
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, 'must be a base64url P-256 public key (web-push generate-vapid-keys)').optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, 'must be a base64url P-256 private key (web-push generate-vapid-keys)').optional(),
  // Who push services may contact about this server's pushes: mailto: or https:. Unset: PUBLIC_URL.
  VAPID_SUBJECT: z
    .string()
    .refine((value) => /^(mailto:|https:\/\/)/.test(value), 'must start with mailto: or https://')
    .optional(),
  // How often each node looks for notifications whose push is not decided yet (normally pushed at once after the write).
  // 0: off (unset under NODE_ENV=test, where tests drain the dispatcher themselves).
  PUSH_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).optional(),
  // Push endpoints are accepted only on known push services (a server POSTs to them: anything else would let a member
  // aim this server at the private network). Hosts ADDED to the built-in list (FCM, Mozilla, Apple, Windows), comma
  // separated; `*.example.com` takes its subdomains. For tests and benches with a local push service: 127.0.0.1.
  PUSH_SERVICE_HOSTS: z
    .string()
    .transform((value) => value.split(',').map((host) => host.trim().toLowerCase()).filter((host) => host.length > 0))
    .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$/, 'must be host names (or *.domain), separated by commas')))
    .optional(),
  RATE_LIMIT_AUTH_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  // Posts and replies one member may write per 10 minutes (never counted for words in crisis).
  RATE_LIMIT_POSTS_PER_10_MINUTES: z.coerce.number().int().min(1).max(1_000_000).default(30),
  // How old an account must be before it can send message requests (private messages from strangers).
  MESSAGE_REQUEST_MIN_ACCOUNT_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `source` (normally `process.env`); throws a ConfigError naming each bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // An empty string means "unset" for optional values, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = envSchema
    .refine((env) => !env.SAFETY_WEBHOOK_URL || env.SAFETY_WEBHOOK_SECRET, {
      path: ['SAFETY_WEBHOOK_SECRET'],
      message: 'is required when SAFETY_WEBHOOK_URL is set (at least 32 characters; the receiver checks the signature with it)',
    })
    .refine((env) => !env.VAPID_PUBLIC_KEY === !env.VAPID_PRIVATE_KEY, {
      path: [cleaned.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'],
      message: 'is required when the other VAPID key is set (give both, or neither to have them generated)',
    })
    .safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
