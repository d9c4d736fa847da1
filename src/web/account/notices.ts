/**
 * Messages carried to the sign-in page in the router's state, by key, so a
 * page never renders text it was handed from outside.
 */
export const SIGNED_OUT_ELSEWHERE = 'signed-out-elsewhere';
export const SIGNED_OUT = 'signed-out';

export const SIGN_IN_NOTICES: Record<string, { title: string; body: string }> = {
  [SIGNED_OUT_ELSEWHERE]: {
    title: 'You were signed out from another device.',
    body: 'If that was not you, sign in again and change your password in Settings.',
  },
  [SIGNED_OUT]: {
    title: 'You are signed out.',
    body: 'Take care of yourself. You can come back any time.',
  },
};
