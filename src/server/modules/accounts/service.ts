import type { ChangePasswordRequest, RecoverRequest, SignInRequest, UpdateProfileRequest } from '../../../shared/api/accounts.js';
import type { Deps } from '../../deps.js';
import { conflict, invalidCredentials, unauthenticated } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { assertMayWrite } from '../moderation/sanctions.js';
import { deviceClaimStillValid, type DeviceClaim } from './device-cookie.js';
import { assertAcceptablePassword, burnVerifyTime, hashPassword, verifyPassword } from './passwords.js';
import * as queries from './queries.js';
import { isReservedHandle } from './reserved-handles.js';
import { endOtherSessions, startSession, type AuthContext, type ClientMeta } from './session-service.js';
import { RECOVERY_CODE_COUNT, hmac, isRecoveryCodeShape, newRecoveryCode, normaliseRecoveryCode } from './tokens.js';

export interface SignUpInput {
  handle: string;
  password: string;
  email?: string | undefined;
  country?: string | undefined;
  timeZone?: string | undefined;
  role?: queries.UserRow['role'];
}

export async function signUp(deps: Pick<Deps, 'db' | 'config'>, input: SignUpInput, meta: ClientMeta) {
  if (isReservedHandle(input.handle)) {
    throw conflict('handle_taken', 'That handle is not available. Please choose another.', 'handle');
  }
  assertAcceptablePassword(input.password, input.handle);
  const passwordHash = await hashPassword(input.password);

  return deps.db.transaction(async (tx) => {
    if (await queries.findUserByHandle(tx, input.handle)) {
      // Handles are public names; sign-up has to say when one is taken (it is rate-limited).
      throw conflict('handle_taken', 'That handle is not available. Please choose another.', 'handle');
    }
    const user = await queries.insertUser(tx, {
      handle: input.handle,
      email: input.email ?? null,
      passwordHash,
      role: input.role ?? 'member',
      country: input.country ?? null,
      timeZone: input.timeZone ?? null,
    });
    const recoveryCodes = await issueRecoveryCodes({ db: tx, config: deps.config }, user.id);
    const { token, session } = await startSession({ db: tx, config: deps.config }, user.id, meta);
    return { user, session, token, recoveryCodes };
  });
}

/** A new set of recovery codes in place of the account's old ones: only their HMACs are kept; the codes are returned to show once. */
export async function issueRecoveryCodes(deps: Pick<Deps, 'db' | 'config'>, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await queries.replaceRecoveryCodes(
    deps.db,
    userId,
    codes.map((code) => hmac(deps.config.secrets.sessionSecret, normaliseRecoveryCode(code))),
  );
  return codes;
}

/**
 * Sign-in, limited before anything reads the database (http/rate-limit.ts). A
 * browser that signed in to this account before (its device cookie, checked
 * without the database) is not held back by a stranger's wrong guesses, but only
 * with the password it signed in with: after a change or a recovery it counts as
 * a stranger. `knownDevice` is the device id the browser keeps, if any.
 */
export async function signIn(
  deps: Pick<Deps, 'db' | 'config' | 'authLimiters'>,
  input: SignInRequest,
  meta: ClientMeta,
  device: { ip: string; claim: DeviceClaim | undefined },
) {
  const keys = { ip: device.ip, handle: input.handle, knownDevice: device.claim?.id };
  await deps.authLimiters.signIn(keys);
  const user = await queries.findUserByHandle(deps.db, input.handle);
  if (device.claim && !(user && deviceClaimStillValid(deps.config, device.claim, user))) {
    keys.knownDevice = undefined;
    await deps.authLimiters.signIn(keys);
  }
  // A system account (Hearth Safety) never signs in, whatever is typed: it has no usable password either.
  if (!user || user.isSystem) {
    await burnVerifyTime(input.password);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) throw invalidCredentials();
  await deps.authLimiters.signInSucceeded(keys);
  const { token, session } = await startSession(deps, user.id, meta);
  return { user, session, token, knownDevice: keys.knownDevice };
}

/**
 * Checks a signed-in member's current password before a sensitive change. A
 * session someone else holds must not become a way to guess it: a few tries per
 * session, then 429, and the argon2 work waits behind everyone's sign-in.
 * Counted per session, not per account, so a stolen session cannot use up the
 * owner's tries and stop them changing the password (and it cannot make more
 * sessions without the password).
 */
async function assertCurrentPassword(deps: Pick<Deps, 'authLimiters'>, auth: AuthContext, password: string, field: string, message: string) {
  await deps.authLimiters.passwordCheck(auth.session.id);
  if (!(await verifyPassword(auth.user.passwordHash, password, 'background'))) throw conflict('wrong_password', message, field);
  await deps.authLimiters.passwordCheckSucceeded(auth.session.id);
}

export async function changePassword(deps: Pick<Deps, 'db' | 'live' | 'authLimiters'>, auth: AuthContext, input: ChangePasswordRequest) {
  await assertCurrentPassword(deps, auth, input.currentPassword, 'currentPassword', 'Your current password is not right.');
  assertAcceptablePassword(input.newPassword, auth.user.handle, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  const user = await queries.updateUser(deps.db, auth.user.id, { passwordHash, passwordChangedAt: new Date() });
  await recordAudit(deps.db, { actorId: auth.user.id, action: 'password.changed', targetType: 'user', targetId: auth.user.id });
  // Whoever else held a session (perhaps the reason for the change) is signed out.
  await endOtherSessions(deps, auth.user.id, auth.session.id);
  return user;
}

/** A recovery code resets the password: the way back in without an email. */
export async function recover(deps: Pick<Deps, 'db' | 'config' | 'live'>, input: RecoverRequest, meta: ClientMeta) {
  // Everything cheap is checked before the argon2 hash, so a flood of bogus attempts costs no hashing;
  // the code is spent only once the new password is accepted and hashed (a refused password must not burn it).
  assertAcceptablePassword(input.newPassword, input.handle, 'newPassword');
  const code = normaliseRecoveryCode(input.code);
  const found = isRecoveryCodeShape(code) ? await queries.findUserByHandle(deps.db, input.handle) : undefined;
  const codeHash = hmac(deps.config.secrets.sessionSecret, code);
  if (!found || !(await queries.hasUnusedRecoveryCode(deps.db, found.id, codeHash))) throw recoveryFailed();
  const passwordHash = await hashPassword(input.newPassword);
  // Spent here, atomically: two attempts racing with one code cannot both succeed. The code is spent in the
  // same transaction as the new password is set, so a failure between them cannot burn a code for nothing.
  const user = await deps.db.transaction(async (tx) => {
    if (!(await queries.consumeRecoveryCode(tx, found.id, codeHash))) throw recoveryFailed();
    const updated = await queries.updateUser(tx, found.id, { passwordHash, passwordChangedAt: new Date() });
    await recordAudit(tx, { actorId: updated.id, action: 'password.recovered', targetType: 'user', targetId: updated.id });
    return updated;
  });
  await endOtherSessions(deps, user.id);
  const { token, session } = await startSession(deps, user.id, meta);
  const remainingCodes = await queries.countUnusedRecoveryCodes(deps.db, user.id);
  return { user, session, token, remainingCodes };
}

function recoveryFailed() {
  return unauthenticated('That handle and recovery code do not match, or the code was already used.');
}

export async function regenerateRecoveryCodes(deps: Pick<Deps, 'db' | 'config' | 'authLimiters'>, auth: AuthContext, password: string) {
  await assertCurrentPassword(deps, auth, password, 'password', 'Your password is not right.');
  return issueRecoveryCodes(deps, auth.user.id);
}

/**
 * Email is optional and, today, used for nothing (recovery is by code, and no
 * mail is sent), so it is a member's unverified note, not an identity: it is
 * not unique, and no answer says whether another account gave the same
 * address. Changes are rate-limited per account all the same.
 */
export async function updateProfile(deps: Pick<Deps, 'db' | 'authLimiters' | 'clock'>, auth: AuthContext, input: UpdateProfileRequest & { country?: string | null }) {
  // The bio and pronouns are public (the profile page): a suspended or banned member cannot change them. Email,
  // time zone, country and language are their own and stay theirs to change (the form sends every field: only a change counts).
  const changesPublic =
    (input.bio !== undefined && (input.bio || null) !== auth.user.bio) || (input.pronouns !== undefined && (input.pronouns || null) !== auth.user.pronouns);
  if (changesPublic) await assertMayWrite(deps.db, auth.user.id, deps.clock.now());
  if (input.email !== undefined && (input.email || null)?.toLowerCase() !== auth.user.email?.toLowerCase()) {
    await deps.authLimiters.emailChange(auth.user.id);
  }
  const changes: Partial<queries.UserRow> = {};
  if (input.pronouns !== undefined) changes.pronouns = input.pronouns || null;
  if (input.bio !== undefined) changes.bio = input.bio || null;
  if (input.email !== undefined) changes.email = input.email || null;
  if (input.country !== undefined) changes.country = input.country;
  if (input.timeZone !== undefined) changes.timeZone = input.timeZone;
  if (input.language !== undefined) changes.language = input.language;
  return queries.updateUser(deps.db, auth.user.id, changes);
}
