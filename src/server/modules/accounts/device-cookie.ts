import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/index.js';
import { hmac, safeEqual } from './tokens.js';

/**
 * "This browser has signed in to this account before": set on a successful
 * sign-in, it lets the owner skip the per-handle sign-in limits that a stranger
 * hammering their handle fills up (see http/rate-limit.ts). The value is a
 * random device id and an HMAC binding it to the account, so it cannot be made
 * without the password and says nothing readable about who signed in.
 */
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function deviceCookieName(config: Pick<Config, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-hearth_device' : 'hearth_device';
}

function mac(config: Pick<Config, 'secrets'>, deviceId: string, userId: string): string {
  return hmac(config.secrets.sessionSecret, `device:${deviceId}:${userId}`);
}

export function setDeviceCookie(reply: FastifyReply, config: Pick<Config, 'secureCookies' | 'secrets'>, userId: string, deviceId?: string): void {
  const id = deviceId ?? randomBytes(16).toString('base64url');
  reply.setCookie(deviceCookieName(config), `${id}.${mac(config, id, userId)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: MAX_AGE_SECONDS,
  });
}

/** The device id when the request carries a valid device cookie for `userId`. */
export function knownDeviceFor(request: FastifyRequest, config: Pick<Config, 'secureCookies' | 'secrets'>, userId: string | undefined): string | undefined {
  const value = request.cookies[deviceCookieName(config)];
  if (!value || !userId) return undefined;
  const [id, signature, extra] = value.split('.');
  if (!id || !signature || extra !== undefined || id.length > 64) return undefined;
  return safeEqual(signature, mac(config, id, userId)) ? id : undefined;
}
