import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from './clock.js';
import type { Config } from './config/index.js';
import type { Database, DatabaseHandle } from './db/index.js';
import type { AuthLimiters } from './http/rate-limit.js';
import type { LiveHub } from './live/hub.js';

/** What every module's routes and services are given: built once per app node. */
export interface Deps {
  config: Config;
  /** Created once per database and shared by its nodes: prefixes every Redis channel and key. */
  installationId: string;
  db: Database;
  database: DatabaseHandle;
  live: LiveHub;
  authLimiters: AuthLimiters;
  /** Present when REDIS_URL is set: whether live fan-out and shared rate limits reach Redis now. */
  redis: { connected(): boolean } | undefined;
  log: FastifyBaseLogger;
  /** Time, injected: tests move it instead of sleeping. */
  clock: Clock;
}
