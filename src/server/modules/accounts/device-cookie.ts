import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.js';
import { hmac, safeEqual } from './tokens.js';

/**
 * "This browser has signed in to this account, with its current password,
 * before": set on a successful sign-in, it lets the owner skip the per-handle
 * sign-in limits that a stranger hammering their handle fills up (see
 * http/rate-limit.ts). The value is a random device id, a stamp of the
 * password it was earned with, and an HMAC binding both to the handle, so it
 * cannot be made without the password and says nothing readable about who
 * signed in.
 *
 * Checked in two steps, so that sign-in is limited before it touches the
 * database: the HMAC (no database) says the server issued the cookie for this
 * handle; the stamp, compared with the account's password hash once it is
 * read, says the password has not changed since. A new password (changed or
 * recovered) therefore revokes every device cookie earned with the old one.
 * (Handles never change, so binding to the handle is binding to the account.)
 */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export interface DeviceClaim {
  id: string;
  stamp: string;
}

export function deviceCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-hearth_device' : 'hearth_device';
}

/** Changes whenever the password does (argon2 hashes are salted); reveals nothing about it. */
function passwordStamp(config: Pick<Config, 'secrets'>, passwordHash: string): string {
  return hmac(config.secrets.sessionSecret, `device-stamp:${passwordHash}`).slice(0, 16);
}

function mac(config: Pick<Config, 'secrets'>, claim: DeviceClaim, handle: string): string {
  return hmac(config.secrets.sessionSecret, `device:${claim.id}:${claim.stamp}:${handle.toLowerCase()}`);
}

export function setDeviceCookie(
  reply: FastifyReply,
  config: Pick<Config, 'secureCookies' | 'secrets'>,
  user: { handle: string; passwordHash: string },
  deviceId?: string,
): void {
  const claim = { id: deviceId ?? randomBytes(16).toString('base64url'), stamp: passwordStamp(config, user.passwordHash) };
  reply.setCookie(deviceCookieName(config), `${claim.id}.${claim.stamp}.${mac(config, claim, user.handle)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
}

/** Step one, without the database: the request carries a device cookie this server issued for `handle`. */
export function deviceClaimFor(request: FastifyRequest, config: Pick<Config, 'secureCookies' | 'secrets'>, handle: string): DeviceClaim | undefined {
  const value = request.cookies[deviceCookieName(config)];
  if (!value) return undefined;
  const [id, stamp, signature, extra] = value.split('.');
  if (!id || !stamp || !signature || extra !== undefined || id.length > 64 || stamp.length > 64) return undefined;
  const claim = { id, stamp };
  return safeEqual(signature, mac(config, claim, handle)) ? claim : undefined;
}

/** Step two, once the account is read: the cookie was earned with the account's current password. */
export function deviceClaimStillValid(config: Pick<Config, 'secrets'>, claim: DeviceClaim, user: { passwordHash: string }): boolean {
  return safeEqual(claim.stamp, passwordStamp(config, user.passwordHash));
}
