import type { Deps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { userChannel } from '../../live/hub.js';
import * as queries from './queries.js';
import { hmac, newSessionToken } from './tokens.js';

export interface ClientMeta {
  ip: string;
  userAgent: string | undefined;
}

export interface AuthContext {
  user: queries.UserRow;
  session: queries.SessionRow;
}

// Writing last_seen_at on every request would make every read a write; once a minute is plenty.
const TOUCH_INTERVAL_MS = 60_000;

export async function startSession(
  deps: Pick<Deps, 'db' | 'config'>,
  userId: string,
  meta: ClientMeta,
): Promise<{ token: string; session: queries.SessionRow }> {
  const token = newSessionToken();
  const now = new Date();
  const session = await queries.insertSession(deps.db, {
    userId,
    tokenHash: hmac(deps.config.secrets.sessionSecret, token),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ipAddress: meta.ip,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + deps.config.session.maxAgeMs),
  });
  return { token, session };
}

export async function authenticate(deps: Pick<Deps, 'db' | 'config'>, token: string): Promise<AuthContext | undefined> {
  const now = new Date();
  const found = await queries.findLiveSession(
    deps.db,
    hmac(deps.config.secrets.sessionSecret, token),
    new Date(now.getTime() - deps.config.session.idleMs),
    now,
  );
  if (!found) return undefined;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await queries.touchSession(deps.db, found.session.id, now);
    found.session.lastSeenAt = now;
  }
  return found;
}

export async function listSessions(deps: Pick<Deps, 'db' | 'config'>, userId: string): Promise<queries.SessionRow[]> {
  const now = new Date();
  return queries.listLiveSessions(deps.db, userId, new Date(now.getTime() - deps.config.session.idleMs), now);
}

/** Ends a session and tells its browser, wherever it is connected, to sign out. */
export async function endSession(deps: Pick<Deps, 'db' | 'live'>, userId: string, sessionId: string): Promise<void> {
  const ended = await queries.endSession(deps.db, userId, sessionId);
  if (!ended) throw notFound('That session');
  await deps.live.emit(userChannel(userId), 'session.ended', { sessionIds: [sessionId] });
}

export async function endOtherSessions(deps: Pick<Deps, 'db' | 'live'>, userId: string, keepSessionId?: string): Promise<void> {
  const ended = await queries.endOtherSessions(deps.db, userId, keepSessionId);
  if (ended.length > 0) await deps.live.emit(userChannel(userId), 'session.ended', { sessionIds: ended });
}
