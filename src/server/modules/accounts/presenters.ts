import type { Me, SessionInfo } from '../../../shared/api/accounts.js';
import type { SessionRow, UserRow } from './queries.js';

/** The signed-in member's own account. Only ever sent to that member. */
export function presentMe(user: UserRow, session: SessionRow): Me {
  return {
    id: user.id,
    handle: user.handle,
    email: user.email,
    role: user.role,
    pronouns: user.pronouns,
    bio: user.bio,
    country: user.country,
    timeZone: user.timeZone,
    language: user.language,
    createdAt: user.createdAt.toISOString(),
    sessionId: session.id,
  };
}

export function presentSession(session: SessionRow, currentSessionId: string): SessionInfo {
  return {
    id: session.id,
    current: session.id === currentSessionId,
    device: describeDevice(session.userAgent),
    ipAddress: session.ipAddress,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
  };
}

/** "Firefox on Android": enough for a member to recognise a device, without a UA-parsing dependency. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser =
    /Edg\//.test(userAgent) ? 'Edge'
    : /Firefox\//.test(userAgent) ? 'Firefox'
    : /(Chrome|Chromium)\//.test(userAgent) ? 'Chrome'
    : /Safari\//.test(userAgent) ? 'Safari'
    : /curl|node|undici|python|okhttp/i.test(userAgent) ? 'App or script'
    : 'Browser';
  const system =
    /Android/.test(userAgent) ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent) ? 'iOS'
    : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS'
    : /Windows/.test(userAgent) ? 'Windows'
    : /Linux|X11/.test(userAgent) ? 'Linux'
    : undefined;
  return system ? `${browser} on ${system}` : browser;
}
