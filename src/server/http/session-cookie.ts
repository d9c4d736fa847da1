import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/index.js';

/**
 * The session cookie: httpOnly, SameSite=Lax, and on https `Secure` with the
 * `__Host-` prefix (which pins it to this host and path `/`).
 */
export function sessionCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-hearth_session' : 'hearth_session';
}

export function setSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies' | 'session'>, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: Math.floor(config.session.maxAgeMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies'>): void {
  reply.clearCookie(sessionCookieName(config), { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies });
}

export function readSessionCookie(request: FastifyRequest, config: Pick<Config, 'secureCookies'>): string | undefined {
  return request.cookies[sessionCookieName(config)];
}
