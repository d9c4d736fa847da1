import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../db/database.js';

/**
 * On the embedded database, API requests go through a door that lets a few in at a time, in arrival order.
 *
 * Why: PGlite serves one call at a time in arrival order, so a request that needs k calls waits k times behind
 * everything queued. Under a crowd of readers (2 calls each) a reply (a dozen calls: session, rules, two
 * transactions) queued behind 50 readers on every call and did not finish at all in 8 s (bench/embedded-crowd:
 * 0 replies written, readers' p99 6.4 s). With at most `slots` requests inside, a request's calls compete only
 * with the few others inside: each request is served roughly in the order it arrived, whatever it needs.
 * More than one slot, so one request's work off the database (hashing, the assessor, JSON) overlaps another's
 * queries. WebSocket upgrades and non-API paths (the web app's files) do not wait: they hold no database turn.
 */
export function registerEmbeddedAdmission(app: FastifyInstance, database: Pick<DatabaseHandle, 'driver'>, slots = EMBEDDED_ADMISSION_SLOTS): void {
  if (database.driver !== 'pglite') return;
  const door = new Door(slots);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.headers.upgrade !== undefined) return;
    await door.enter();
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      door.leave();
    };
    // 'close' comes when the response is done or the client went away; 'finish' too, for in-process injection.
    reply.raw.once('finish', leave);
    reply.raw.once('close', leave);
  });
}

export const EMBEDDED_ADMISSION_SLOTS = 4;

/** At most `slots` inside; the rest wait in arrival order. */
export class Door {
  private inside = 0;
  private readonly line: Array<() => void> = [];

  constructor(private readonly slots: number) {}

  get waiting(): number {
    return this.line.length;
  }

  enter(): Promise<void> {
    if (this.inside < this.slots && this.line.length === 0) {
      this.inside += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.line.push(resolve));
  }

  leave(): void {
    const next = this.line.shift();
    if (next) next();
    else this.inside -= 1;
  }
}
