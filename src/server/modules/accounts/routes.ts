import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changePasswordRequestSchema,
  instanceResponseSchema,
  meResponseSchema,
  okResponseSchema,
  recoverRequestSchema,
  recoveryCodesResponseSchema,
  sessionListResponseSchema,
  signInRequestSchema,
  signUpRequestSchema,
  signUpResponseSchema,
  updateProfileRequestSchema,
} from '../../../shared/api/accounts.js';
import type { Deps } from '../../deps.js';
import { clientMeta, requireAuth, signedIn } from '../../http/authenticate.js';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.js';
import { deviceClaimFor, setDeviceCookie } from './device-cookie.js';
import { presentMe, presentSession } from './presenters.js';
import { demoAccountsExist } from './queries.js';
import { registerSessionProbeRoute } from './session-probe.js';
import * as accounts from './service.js';
import * as sessions from './session-service.js';

const tags = ['accounts'];

export function registerAccountRoutes(root: FastifyInstance, deps: Deps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  registerSessionProbeRoute(root);

  app.get('/api/instance', {
    schema: { tags, summary: 'What this Hearth is (for example, a demo community)', response: { 200: instanceResponseSchema } },
    handler: async () => ({ demo: await demoAccountsExist(deps.db) }),
  });

  app.post('/api/auth/sign-up', {
    schema: { tags, summary: 'Create an account with a handle and a password', body: signUpRequestSchema, response: { 201: signUpResponseSchema } },
    handler: async (request, reply) => {
      // Per address only: counting sign-ups per handle would let anyone fill a member's sign-in budget.
      await deps.authLimiters.signUp({ ip: request.ip });
      const result = await accounts.signUp(deps, request.body, clientMeta(request));
      setSessionCookie(reply, deps.config, result.token);
      setDeviceCookie(reply, deps.config, result.user);
      return reply.code(201).send({ user: presentMe(result.user, result.session), recoveryCodes: result.recoveryCodes });
    },
  });

  app.post('/api/auth/sign-in', {
    schema: { tags, summary: 'Sign in', body: signInRequestSchema, response: { 200: meResponseSchema } },
    handler: async (request, reply) => {
      const device = { ip: request.ip, claim: deviceClaimFor(request, deps.config, request.body.handle) };
      const result = await accounts.signIn(deps, request.body, clientMeta(request), device);
      setSessionCookie(reply, deps.config, result.token);
      setDeviceCookie(reply, deps.config, result.user, result.knownDevice);
      return { user: presentMe(result.user, result.session) };
    },
  });

  app.post('/api/auth/recover', {
    schema: {
      tags,
      summary: 'Reset the password with a recovery code',
      body: recoverRequestSchema,
      response: { 200: meResponseSchema.extend({ remainingCodes: z.number().int() }) },
    },
    handler: async (request, reply) => {
      // Never limited per handle across addresses: the owner's way back in always works.
      await deps.authLimiters.recover({ ip: request.ip, handle: request.body.handle });
      const result = await accounts.recover(deps, request.body, clientMeta(request));
      setSessionCookie(reply, deps.config, result.token);
      setDeviceCookie(reply, deps.config, result.user);
      return { user: presentMe(result.user, result.session), remainingCodes: result.remainingCodes };
    },
  });

  app.post('/api/auth/sign-out', {
    preValidation: signedIn,
    schema: { tags, summary: 'End this session', response: { 200: okResponseSchema } },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      await sessions.endSession(deps, auth.user.id, auth.session.id);
      clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    },
  });

  app.get('/api/me', {
    preValidation: signedIn,
    schema: { tags, summary: 'The signed-in member', response: { 200: meResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      return { user: presentMe(auth.user, auth.session) };
    },
  });

  app.patch('/api/me', {
    preValidation: signedIn,
    schema: { tags, summary: 'Update the profile', body: updateProfileRequestSchema, response: { 200: meResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const user = await accounts.updateProfile(deps, auth, request.body);
      return { user: presentMe(user, auth.session) };
    },
  });

  app.post('/api/me/password', {
    preValidation: signedIn,
    schema: { tags, summary: 'Change the password (ends every other session)', body: changePasswordRequestSchema, response: { 200: okResponseSchema } },
    handler: async (request, reply) => {
      const user = await accounts.changePassword(deps, requireAuth(request), request.body);
      // The new password revoked every device cookie; the browser that chose it stays a known device.
      setDeviceCookie(reply, deps.config, user);
      return { ok: true as const };
    },
  });

  app.post('/api/me/recovery-codes', {
    preValidation: signedIn,
    schema: {
      tags,
      summary: 'Replace the recovery codes (shown once)',
      body: z.strictObject({ password: z.string().min(1, 'is required').max(256) }),
      response: { 200: recoveryCodesResponseSchema },
    },
    handler: async (request) => {
      const recoveryCodes = await accounts.regenerateRecoveryCodes(deps, requireAuth(request), request.body.password);
      return { recoveryCodes };
    },
  });

  app.get('/api/me/sessions', {
    preValidation: signedIn,
    schema: { tags, summary: 'Where this account is signed in', response: { 200: sessionListResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      const rows = await sessions.listSessions(deps, auth.user.id);
      return { sessions: rows.map((row) => presentSession(row, auth.session.id)) };
    },
  });

  app.post('/api/me/sessions/end-others', {
    preValidation: signedIn,
    schema: { tags, summary: 'Sign out everywhere else', response: { 200: okResponseSchema } },
    handler: async (request) => {
      const auth = requireAuth(request);
      await sessions.endOtherSessions(deps, auth.user.id, auth.session.id);
      return { ok: true as const };
    },
  });

  app.delete('/api/me/sessions/:sessionId', {
    preValidation: signedIn,
    schema: { tags, summary: 'End one session', params: z.object({ sessionId: z.uuid('must be a session id') }), response: { 200: okResponseSchema } },
    handler: async (request, reply) => {
      const auth = requireAuth(request);
      await sessions.endSession(deps, auth.user.id, request.params.sessionId);
      if (request.params.sessionId === auth.session.id) clearSessionCookie(reply, deps.config);
      return { ok: true as const };
    },
  });
}
