import type {
  ChangePasswordRequest,
  InstanceResponse,
  Me,
  RecoverRequest,
  SessionInfo,
  SignInRequest,
  SignUpRequest,
  SignUpResponse,
  UpdateProfileRequest,
} from '../../shared/api/accounts.js';
import { api, ApiError } from './client.js';

/** Calls of the accounts API (contracts in src/shared/api/accounts.ts). */

/** The signed-in member, or null when signed out. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const { user } = await api<{ user: Me }>('/api/me');
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.isUnauthenticated) return null;
    throw error;
  }
}

/** What this Hearth is (public): for now, whether it is a demo community. */
export const fetchInstance = () => api<InstanceResponse>('/api/instance');

export const signUp = (body: SignUpRequest) => api<SignUpResponse>('/api/auth/sign-up', { method: 'POST', body });

export const signIn = (body: SignInRequest) => api<{ user: Me }>('/api/auth/sign-in', { method: 'POST', body });

export const recover = (body: RecoverRequest) =>
  api<{ user: Me; remainingCodes: number }>('/api/auth/recover', { method: 'POST', body });

export const signOut = () => api<{ ok: true }>('/api/auth/sign-out', { method: 'POST' });

export const updateProfile = (body: UpdateProfileRequest) => api<{ user: Me }>('/api/me', { method: 'PATCH', body });

export const changePassword = (body: ChangePasswordRequest) =>
  api<{ ok: true }>('/api/me/password', { method: 'POST', body });

export const listSessions = () => api<{ sessions: SessionInfo[] }>('/api/me/sessions');

export const endSession = (sessionId: string) =>
  api<{ ok: true }>(`/api/me/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });

export const regenerateRecoveryCodes = (password: string) =>
  api<{ recoveryCodes: string[] }>('/api/me/recovery-codes', { method: 'POST', body: { password } });
