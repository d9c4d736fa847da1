import { z } from 'zod';
import { isCountryCode, isTimeZone } from '../regions.js';
import { text } from './text.js';

/** Contracts of the accounts API, shared by the server (validation, OpenAPI) and the web app (types). */

export const ROLES = ['member', 'moderator', 'professional', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 24;
export const PASSWORD_MIN = 8;
/** Passphrases are welcome; the bound only stops a hashing denial of service. */
export const PASSWORD_MAX = 256;

/** ASCII only: a handle then lower-cases the same way in JavaScript and PostgreSQL ('İ' does not). */
export const HANDLE_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
const HANDLE_CHARACTERS = 'may use letters, digits and underscores, starting with a letter';

export const handleSchema = z
  .string()
  .trim()
  .min(HANDLE_MIN, `must be at least ${HANDLE_MIN} characters`)
  .max(HANDLE_MAX, `must be at most ${HANDLE_MAX} characters`)
  .regex(HANDLE_PATTERN, HANDLE_CHARACTERS);

/**
 * A handle typed to find an account (sign-in, recovery, blocks). Characters no handle can have are a 400: a
 * lookup must never reach an account by a spelling that the rate limiter counts as another handle (PostgreSQL
 * lower-cases 'İris' to 'iris', JavaScript to 'i̇ris').
 */
export const handleLookupSchema = text().trim().min(1, 'is required').max(64).regex(HANDLE_PATTERN, HANDLE_CHARACTERS);

/** A new password: `text()`, so that two passwords never differ only by a character UTF-8 cannot carry. */
export const passwordSchema = text()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const countrySchema = z
  .string()
  .transform((value) => value.toUpperCase())
  .refine(isCountryCode, 'must be a two-letter ISO country code, like GB or US');

export const timeZoneSchema = z.string().max(64).refine(isTimeZone, 'must be an IANA time zone, like Europe/London');

export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag, like en or pt-BR');

export const signUpRequestSchema = z.strictObject({
  handle: handleSchema,
  password: passwordSchema,
  email: z.email('must be an email address').max(254).optional(),
  country: countrySchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type SignUpRequest = z.input<typeof signUpRequestSchema>;

export const signInRequestSchema = z.strictObject({
  handle: handleLookupSchema,
  password: z.string().min(1, 'is required').max(PASSWORD_MAX),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const recoverRequestSchema = z.strictObject({
  handle: handleLookupSchema,
  code: text().trim().min(1, 'is required').max(64),
  newPassword: passwordSchema,
});
export type RecoverRequest = z.infer<typeof recoverRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(PASSWORD_MAX),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const updateProfileRequestSchema = z.strictObject({
  pronouns: text().trim().max(40).nullable().optional(),
  bio: text().trim().max(280).nullable().optional(),
  email: z.email('must be an email address').max(254).nullable().optional(),
  country: countrySchema.nullable().optional(),
  timeZone: timeZoneSchema.nullable().optional(),
  language: languageSchema.optional(),
});
export type UpdateProfileRequest = z.input<typeof updateProfileRequestSchema>;

export const meSchema = z.object({
  id: z.uuid(),
  handle: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  pronouns: z.string().nullable(),
  bio: z.string().nullable(),
  country: z.string().nullable(),
  timeZone: z.string().nullable(),
  language: z.string(),
  createdAt: z.string(),
  sessionId: z.uuid(),
});
export type Me = z.infer<typeof meSchema>;

export const meResponseSchema = z.object({ user: meSchema });

export const signUpResponseSchema = z.object({
  user: meSchema,
  /** Shown once, never again: the only way back in without an email. */
  recoveryCodes: z.array(z.string()),
});
export type SignUpResponse = z.infer<typeof signUpResponseSchema>;

export const sessionSchema = z.object({
  id: z.uuid(),
  current: z.boolean(),
  device: z.string(),
  ipAddress: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionSchema>;

export const sessionListResponseSchema = z.object({ sessions: z.array(sessionSchema) });

export const recoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const okResponseSchema = z.object({ ok: z.literal(true) });

/** What anyone may know about this Hearth before signing in. */
export const instanceResponseSchema = z.object({
  /** True while demo-community accounts (with printed passwords) exist: the web app marks every page. */
  demo: z.boolean(),
});
export type InstanceResponse = z.infer<typeof instanceResponseSchema>;
