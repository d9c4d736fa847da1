import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type HearthApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config/index.js';
import { openDatabase } from '../../src/server/db/index.js';

export interface Node {
  hearth: HearthApp;
  url: string;
}

/** One app node listening on a free port, as the load balancer would see it. */
export async function startNode(databaseUrl: string, redisUrl: string, name: string, env: Record<string, string> = {}): Promise<Node> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), `hearth-${name}-`)),
    SESSION_SECRET: 'shared-session-secret-for-all-nodes-0123',
    // Nodes share their message keys, as README "Running at scale" asks: each seals what the others read.
    MESSAGE_KEYS: 'multinode:bXVsdGlub2RlLXRlc3QtbWVzc2FnZS1rZXktMDEyMyE=',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://127.0.0.1',
    ALERT_DEADLINE_IMMINENT_MINUTES: '2',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    ...env,
  });
  const hearth = await buildApp({ config, logger: false });
  return { hearth, url: await hearth.app.listen({ port: 0, host: '127.0.0.1' }) };
}

export interface Response<T> {
  status: number;
  json: T;
  cookie: string | undefined;
  ms: number;
}

export async function call<T = Record<string, never>>(node: Node, method: string, path: string, cookie?: string, body?: unknown): Promise<Response<T>> {
  const started = performance.now();
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as T;
  return { status: response.status, json, cookie: response.headers.get('set-cookie')?.split(';')[0], ms: performance.now() - started };
}

/** Gives a member a staff role directly in the database (there is no admin yet to do it). */
export async function makeModerator(databaseUrl: string, userId: string): Promise<void> {
  const check = await openDatabase({ url: databaseUrl });
  try {
    await check.db.execute(`update users set role = 'moderator' where id = '${userId}'` as never);
  } finally {
    await check.close();
  }
}

export const CRISIS_POST = {
  title: 'Tonight',
  body: 'I have the pills in front of me and tonight is the night. Goodbye everyone.',
  anonymous: true,
};

/**
 * A TCP proxy in front of the machine's Redis that the test owns: `cut()` drops
 * every connection and refuses new ones, as a Redis outage would; `restore()`
 * listens again on the same port. The machine's Redis itself is never touched.
 */
export class RedisProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;
  /** While frozen, nothing is forwarded either way and connections stay open: a network partition. */
  frozen = false;
  /**
   * When set, the next SUBSCRIBE reaches Redis only after this many ms: the node's 1 s command timeout fails it
   * while the connection stays up, as a Redis busy just after it returns would.
   */
  delayNextSubscribeMs = 0;
  /** How many SUBSCRIBEs were delayed. */
  delayed = 0;

  constructor(private readonly upstream: URL) {}

  /** REDIS_URL pointing at the proxy instead of Redis. */
  get url(): string {
    const url = new URL(this.upstream);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const redis = net.connect(Number(this.upstream.port || 6379), this.upstream.hostname);
      for (const socket of [client, redis]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          redis.destroy();
        });
      }
      client.on('data', (chunk: Buffer) => {
        if (this.frozen) return;
        const delay = this.delayNextSubscribeMs;
        if (delay > 0 && chunk.toString('latin1').toUpperCase().includes('SUBSCRIBE')) {
          this.delayNextSubscribeMs = 0;
          this.delayed += 1;
          setTimeout(() => redis.write(chunk), delay);
          return;
        }
        redis.write(chunk);
      });
      redis.on('data', (chunk) => {
        if (!this.frozen) client.write(chunk);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  restore(): Promise<void> {
    return this.start();
  }
}

/** Polls until `check` holds: outages and reconnections take a moment to be noticed. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`still not so after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
