import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { signOut } from '../api/accounts.js';
import { ApiError } from '../api/client.js';
import { setSignedOut } from '../api/queries.js';
import { useLive } from '../live/LiveProvider.js';
import { SIGNED_OUT } from './notices.js';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const live = useLive();
  return useMutation({
    mutationFn: async () => {
      live.pause();
      try {
        await signOut();
      } catch (error) {
        // Already signed out (the session ended elsewhere): the outcome the member wanted.
        if (error instanceof ApiError && error.isUnauthenticated) return;
        live.resume();
        throw error;
      }
    },
    onSuccess: () => {
      // Signed out first, then the sign-in page rendered at once: were the navigation left
      // to a transition, the page being left would see "signed out" and redirect on its own.
      setSignedOut(queryClient);
      void navigate('/sign-in', { replace: true, state: { notice: SIGNED_OUT }, flushSync: true });
    },
  });
}
