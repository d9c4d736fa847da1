import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { addressKey } from './address-key.js';
import { AppError, rateLimited } from './errors.js';

/**
 * Limits on the doors a stranger can knock on (sign-in, sign-up, recovery) and
 * on the checks a signed-in session can repeat (its current password, its email).
 * In memory on one node; in Redis when REDIS_URL is set, so N nodes share one
 * count, with an in-memory stand-in when Redis fails (limits fail safe: they
 * keep limiting per node and never hang or turn a request into a 500).
 *
 * Sign-in is counted so that an attacker slows themself without locking the
 * owner out: per address, per address-and-handle, and per handle across
 * addresses; a device that has signed in to that account before (a signed
 * device cookie) skips all three and has its own bucket; recovery codes
 * (60 bits each, ten per account) are never counted per handle, so recovery
 * always works from an address that is not itself attacking.
 *
 * "Per address" means per IPv4 address and per IPv6 /64 (see address-key.ts):
 * one subscriber's /64 is one address here.
 *
 * A member's messages to the safety team are counted per member too (each one
 * writes actions, audit rows and staff live events): the caller assesses a
 * message first and never counts or refuses one the assessor rates high or
 * imminent (conversations/service.ts), so nothing written in crisis is lost.
 * Posts and replies are counted per member the same way (memberPost).
 */
export interface AuthLimiters {
  /** A sign-in attempt; `knownDevice` is the id of a verified device cookie for this handle. */
  signIn(keys: { ip: string; handle: string; knownDevice?: string | undefined }): Promise<void>;
  /** A successful sign-in clears this address's and device's count for the handle. */
  signInSucceeded(keys: { ip: string; handle: string; knownDevice?: string | undefined }): Promise<void>;
  signUp(keys: { ip: string }): Promise<void>;
  recover(keys: { ip: string; handle: string }): Promise<void>;
  /** A check of a signed-in account's current password (change password, new recovery codes), counted per session. */
  passwordCheck(sessionId: string): Promise<void>;
  passwordCheckSucceeded(sessionId: string): Promise<void>;
  /** A change of the account's email address. */
  emailChange(userId: string): Promise<void>;
  /** A member's message in one of their conversations (never called for a message assessed high or imminent). */
  memberMessage(userId: string): Promise<void>;
  /** A member's new post or reply (never called for words assessed high or imminent: posts/service.ts via automod). */
  memberPost(userId: string): Promise<void>;
}

export interface AuthLimiterOptions {
  /** Shared counts across nodes; in memory when absent. */
  redis?: Redis | undefined;
  /** Per-installation key prefix (two communities may share one Redis). */
  prefix: string;
  /** Posts and replies per member per 10 minutes (default MEMBER_POSTS_PER_10_MINUTES). */
  postsPer10Minutes?: number | undefined;
}

const FIFTEEN_MINUTES = 15 * 60;
/** Wrong current passwords a session may try per 15 minutes (an owner mistypes a few times at most). */
export const PASSWORD_CHECKS_PER_15_MINUTES = 5;
/** Email changes per account per hour. */
export const EMAIL_CHANGES_PER_HOUR = 5;
/** Messages a member may write per minute: more than anyone types, few enough that no one floods the team. */
export const MEMBER_MESSAGES_PER_MINUTE = 20;
/** Posts and replies a member may write per 10 minutes: more than a conversation needs, few enough to stop a flood. */
export const MEMBER_POSTS_PER_10_MINUTES = 30;

/** Kind words for a member writing faster than the limit (the form keeps what they wrote), and where help is now. */
const messageRateLimited = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    `That is a lot of messages in a short time, so this one is not sent yet. Please wait ${retryAfterSeconds} seconds and send it again. If you are in danger right now, please call your local emergency number.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );

const postRateLimited = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'rate_limited',
    `You have written a lot in a short time, so this one is not posted yet. What you wrote is still here: please wait ${retryAfterSeconds} seconds and send it again. If you are in danger right now, please call your local emergency number.`,
    undefined,
    { 'retry-after': String(retryAfterSeconds) },
  );

export function createAuthLimiters(perMinute: number, { redis, prefix, postsPer10Minutes = MEMBER_POSTS_PER_10_MINUTES }: AuthLimiterOptions): AuthLimiters {
  const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
    const keyPrefix = `${prefix}${name}`;
    if (!redis) return new RateLimiterMemory({ keyPrefix, points, duration });
    return new RateLimiterRedis({
      storeClient: redis,
      keyPrefix,
      points,
      duration,
      // Redis down: count in this node's memory rather than fail or hang.
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
    });
  };
  const slowBudget = Math.max(5, perMinute);
  const ip = make('auth_ip', perMinute, 60);
  const ipHandle = make('auth_ip_handle', slowBudget, FIFTEEN_MINUTES);
  // A handle under attack from many addresses: only devices that never signed in to it are held back.
  const handleWide = make('auth_handle', slowBudget * 2, FIFTEEN_MINUTES);
  const device = make('auth_device', slowBudget, FIFTEEN_MINUTES);
  const signUpIp = make('signup_ip', perMinute, 60);
  const recoverIp = make('recover_ip', perMinute, 60);
  const recoverIpHandle = make('recover_ip_handle', slowBudget, FIFTEEN_MINUTES);
  const passwordCheck = make('password_check', PASSWORD_CHECKS_PER_15_MINUTES, FIFTEEN_MINUTES);
  const emailChange = make('email_change', EMAIL_CHANGES_PER_HOUR, 60 * 60);
  const memberMessage = make('member_message', MEMBER_MESSAGES_PER_MINUTE, 60);
  const memberPost = make('member_post', postsPer10Minutes, 10 * 60);

  const consume = async (pairs: Array<[RateLimiterAbstract, string]>, refuse: (retryAfterSeconds: number) => AppError = rateLimited): Promise<void> => {
    try {
      for (const [limiter, key] of pairs) await limiter.consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw refuse(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  };
  // Forgetting a count is best effort: a failure must not fail a sign-in that succeeded.
  const forget = async (pairs: Array<[RateLimiterAbstract, string]>): Promise<void> => {
    await Promise.all(pairs.map(([limiter, key]) => limiter.delete(key).catch(() => false)));
  };
  const lower = (handle: string) => handle.toLowerCase();

  return {
    async signIn({ ip: address, handle, knownDevice }) {
      if (knownDevice) return consume([[device, knownDevice]]);
      const at = addressKey(address);
      return consume([[ip, at], [ipHandle, `${at}|${lower(handle)}`], [handleWide, lower(handle)]]);
    },
    async signInSucceeded({ ip: address, handle, knownDevice }) {
      await forget([[ipHandle, `${addressKey(address)}|${lower(handle)}`], ...(knownDevice ? [[device, knownDevice] as [RateLimiterAbstract, string]] : [])]);
    },
    signUp: ({ ip: address }) => consume([[signUpIp, addressKey(address)]]),
    recover: ({ ip: address, handle }) => consume([[recoverIp, addressKey(address)], [recoverIpHandle, `${addressKey(address)}|${lower(handle)}`]]),
    passwordCheck: (sessionId) => consume([[passwordCheck, sessionId]]),
    passwordCheckSucceeded: (sessionId) => forget([[passwordCheck, sessionId]]),
    emailChange: (userId) => consume([[emailChange, userId]]),
    memberMessage: (userId) => consume([[memberMessage, userId]], messageRateLimited),
    memberPost: (userId) => consume([[memberPost, userId]], postRateLimited),
  };
}
