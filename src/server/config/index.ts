import { resolve } from 'node:path';
import { loadMessageKeyring, type MessageKeyring } from '../crypto/message-keys.js';
import { loadOrCreateSecrets } from './secrets.js';
import { parseEnv, type Env } from './env.js';

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: URL;
  /** True when PUBLIC_URL is https: cookies get `Secure` and the `__Host-` prefix. */
  secureCookies: boolean;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  dataDir: string;
  redisUrl: string | undefined;
  /** REDIS_PREFIX: stands in for the installation id in Redis keys and channels when set. */
  redisPrefix: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  demoSeed: boolean;
  trustProxy: boolean | number | string;
  secrets: { sessionSecret: string };
  /** The keys message bodies are sealed under (MESSAGE_KEYS, DM_ENCRYPTION_KEY, or DATA_DIR/message-keys.json). */
  messageKeys: MessageKeyring;
  session: { idleMs: number; maxAgeMs: number };
  rateLimit: { authPerMinute: number; postsPer10Minutes: number };
  /** How old an account must be before it may send message requests. */
  messageRequestMinAccountAgeMs: number;
  /** How long the safety team has to pick up an alert, by level. */
  alertDeadlineMs: { high: number; imminent: number };
  /** The escalation scheduler: how often it ticks (0: not at all), and the optional webhook of its last step. */
  safetyScheduler: { intervalMs: number; webhook: { url: URL; secret: string } | undefined };
  /** Web Push: the VAPID keys when given (else generated into DATA_DIR), the contact subject, the sweep interval. */
  push: { vapid: { publicKey: string; privateKey: string } | undefined; subject: string; sweepIntervalMs: number; serviceHosts: string[] };
}

/** The public Web Push services browsers use (Chrome/Edge via FCM, Firefox, Safari, Windows): the only endpoints accepted by default. */
export const KNOWN_PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com', '*.push.apple.com', '*.notify.windows.com'];

/** Whether `url` is an https endpoint on one of these push service hosts (`*.domain`: its subdomains). */
export function isKnownPushEndpoint(url: string, hosts: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  const host = parsed.hostname.toLowerCase();
  return hosts.some((allowed) => (allowed.startsWith('*.') ? host.endsWith(allowed.slice(1)) && host.length > allowed.length - 1 : host === allowed));
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const env = parseEnv(source);
  const dataDir = resolve(env.DATA_DIR);
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT || 3000}`);
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    secureCookies: publicUrl.protocol === 'https:',
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    dataDir,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    logLevel: env.LOG_LEVEL,
    demoSeed: env.DEMO_SEED ?? env.DATABASE_URL === undefined,
    trustProxy: env.TRUST_PROXY,
    secrets: loadOrCreateSecrets(dataDir, { sessionSecret: env.SESSION_SECRET }),
    // After the secrets, which create DATA_DIR.
    messageKeys: loadMessageKeyring({ dataDir, messageKeys: env.MESSAGE_KEYS, dmEncryptionKey: env.DM_ENCRYPTION_KEY }),
    session: {
      idleMs: env.SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: env.SESSION_MAX_DAYS * 86_400_000,
    },
    rateLimit: { authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE, postsPer10Minutes: env.RATE_LIMIT_POSTS_PER_10_MINUTES },
    messageRequestMinAccountAgeMs: env.MESSAGE_REQUEST_MIN_ACCOUNT_HOURS * 3_600_000,
    alertDeadlineMs: { high: env.ALERT_DEADLINE_HIGH_MINUTES * 60_000, imminent: env.ALERT_DEADLINE_IMMINENT_MINUTES * 60_000 },
    safetyScheduler: {
      intervalMs: env.SAFETY_SCHEDULER_INTERVAL_MS ?? (env.NODE_ENV === 'test' ? 0 : 1000),
      webhook:
        env.SAFETY_WEBHOOK_URL && env.SAFETY_WEBHOOK_SECRET
          ? { url: new URL(env.SAFETY_WEBHOOK_URL), secret: env.SAFETY_WEBHOOK_SECRET }
          : undefined,
    },
    push: {
      vapid: env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY ? { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY } : undefined,
      subject: env.VAPID_SUBJECT ?? (publicUrl.protocol === 'https:' ? publicUrl.origin : 'mailto:admin@localhost'),
      sweepIntervalMs: env.PUSH_SWEEP_INTERVAL_MS ?? (env.NODE_ENV === 'test' ? 0 : 30_000),
      serviceHosts: [...KNOWN_PUSH_SERVICE_HOSTS, ...(env.PUSH_SERVICE_HOSTS ?? [])],
    },
  };
}
