import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { queryKeys, setSignedOut, useMe } from '../api/queries.js';
import { SIGNED_OUT_ELSEWHERE } from '../account/notices.js';
import { LiveClient, type LiveEvent, type LiveSignal, type LiveStatus } from './live-client.js';

type Listener = (event: LiveEvent) => void;
type SignalListener = (signal: LiveSignal) => void;

interface LiveControls {
  /** Listen to every live event; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void;
  /**
   * Follow a thread or a group page (`thread:<id>`, `group:<id>`) while mounted; returns the function that stops.
   * `onFollowing` is called each time the server starts sending it (after what was missed was replayed).
   */
  follow(channel: string, onFollowing?: () => void): () => void;
  /** Listen to passing signals (typing), which are never replayed. */
  subscribeSignals(listener: SignalListener): () => void;
  /** Send a passing signal to the server (typing); dropped while disconnected. */
  send(message: Record<string, unknown>): void;
  /** Close the socket before this tab ends its own session, so it does not read its own sign-out as news. */
  pause(): void;
  resume(): void;
}

const LiveContext = createContext<LiveControls | null>(null);

export function useLive(): LiveControls {
  const controls = useContext(LiveContext);
  if (!controls) throw new Error('useLive must be used inside <LiveProvider>');
  return controls;
}

function endedSessionIds(event: LiveEvent): string[] {
  const ids = event.payload.sessionIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * Keeps one live connection open while a member is signed in. When the server
 * says this browser's session was ended elsewhere, everything cached about the
 * member is dropped and the sign-in page explains what happened.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { data: me } = useMe();
  const sessionId = me?.sessionId;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  const listeners = useRef(new Set<Listener>());
  const signalListeners = useRef(new Set<SignalListener>());
  const client = useRef<LiveClient | undefined>(undefined);
  // Channels followed, with how many components follow each (a thread page and its parts may both ask).
  const followed = useRef(new Map<string, number>());
  const onFollowing = useRef(new Map<string, Set<() => void>>());

  useEffect(() => {
    if (!sessionId) return;
    const live = new LiveClient({
      onEvent(event) {
        if (event.type === 'session.ended' && endedSessionIds(event).includes(sessionId)) {
          live.stop();
          setSignedOut(queryClient);
          // At once, before the page being left reacts to "signed out" itself (see useSignOut).
          void navigateRef.current('/sign-in', {
            replace: true,
            state: { notice: SIGNED_OUT_ELSEWHERE },
            flushSync: true,
          });
          return;
        }
        // A new role changes what this member may see (staff pages, alerts): read it again.
        if (event.type === 'account.role_changed') void queryClient.invalidateQueries({ queryKey: queryKeys.me });
        for (const listener of listeners.current) listener(event);
      },
      onSignal(signal) {
        for (const listener of signalListeners.current) listener(signal);
      },
      onStatus: showStatus,
      // Away longer than the server keeps live events: nothing replayed can be trusted to be complete.
      onReset() {
        void queryClient.invalidateQueries();
      },
      onFollowing(channel, following) {
        showFollowing(channel, following);
        if (following) for (const callback of onFollowing.current.get(channel) ?? []) callback();
      },
      onUnauthorised() {
        // The session is gone without our hearing why (it expired, or ended while offline): ask the server.
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      },
    });
    client.current = live;
    for (const channel of followed.current.keys()) live.follow(channel);
    live.start();
    return () => {
      live.stop();
      if (client.current === live) client.current = undefined;
      delete document.documentElement.dataset.live;
    };
  }, [sessionId, queryClient]);

  const controls = useMemo<LiveControls>(
    () => ({
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      follow(channel, callback) {
        const count = followed.current.get(channel) ?? 0;
        followed.current.set(channel, count + 1);
        if (callback) onFollowing.current.set(channel, new Set([...(onFollowing.current.get(channel) ?? []), callback]));
        if (count === 0) client.current?.follow(channel);
        return () => {
          if (callback) onFollowing.current.get(channel)?.delete(callback);
          const left = (followed.current.get(channel) ?? 1) - 1;
          if (left > 0) followed.current.set(channel, left);
          else {
            followed.current.delete(channel);
            client.current?.unfollow(channel);
            showFollowing(channel, false);
          }
        };
      },
      subscribeSignals(listener) {
        signalListeners.current.add(listener);
        return () => signalListeners.current.delete(listener);
      },
      send: (message) => client.current?.send(message),
      pause: () => client.current?.stop(),
      resume: () => client.current?.start(),
    }),
    [],
  );

  return <LiveContext.Provider value={controls}>{children}</LiveContext.Provider>;
}

// The connection state on <html data-live="...">: for debugging, and for browser tests to wait on.
function showStatus(status: LiveStatus): void {
  document.documentElement.dataset.live = status;
}

// The channels being heard on <html data-live-following="...">: for browser tests to wait on.
function showFollowing(channel: string, following: boolean): void {
  const channels = new Set((document.documentElement.dataset.liveFollowing ?? '').split(' ').filter(Boolean));
  if (following) channels.add(channel);
  else channels.delete(channel);
  document.documentElement.dataset.liveFollowing = [...channels].join(' ');
}
