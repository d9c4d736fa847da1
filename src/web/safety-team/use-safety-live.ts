import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { SAFETY_LIVE } from '../../shared/api/safety-live.js';
import { refreshSafety } from '../api/safety-alerts.js';
import { useLive } from '../live/LiveProvider.js';
import type { LiveEvent } from '../live/live-client.js';

/** Replayed events older than this (after a reload or a long drop) refresh the lists but are not announced again. */
const FRESH_MS = 5 * 60_000;

const isFresh = (event: LiveEvent) => Date.now() - new Date(event.createdAt).getTime() < FRESH_MS;

/** Any `safety.*` event refreshes every safety query (list, count, detail, other panels): no reload. */
export function useSafetyRefresh(): void {
  const { subscribe } = useLive();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type.startsWith('safety.')) void refreshSafety(queryClient);
      }),
    [subscribe, queryClient],
  );
}

export interface UrgentNotice {
  key: number;
  alertId: string;
  level: string;
  minutesWaiting: number;
}

/**
 * What the dashboard says out loud: a polite announcement for a new imminent
 * alert, and the urgent escalation meant for this staff member (on their own
 * channel), with an optional chime.
 */
export function useSafetyAnnouncements(onUrgent: () => void): {
  announcement: string;
  urgent: UrgentNotice | null;
  dismissUrgent: () => void;
} {
  const { subscribe } = useLive();
  const [announcement, setAnnouncement] = useState('');
  const [urgent, setUrgent] = useState<UrgentNotice | null>(null);
  const onUrgentRef = useRef(onUrgent);
  useEffect(() => {
    onUrgentRef.current = onUrgent;
  }, [onUrgent]);

  useEffect(
    () =>
      subscribe((event) => {
        if (!isFresh(event)) return;
        if (event.type === SAFETY_LIVE.alertRaised && event.payload.level === 'imminent') {
          const minutes = Math.max(0, Math.floor((Date.now() - new Date(event.createdAt).getTime()) / 60_000));
          // A new string each time, so two alerts in a row are both read.
          setAnnouncement(`New imminent alert, waiting ${minutes} minute${minutes === 1 ? '' : 's'}${event.id % 2 ? '' : '.'}`);
        }
        if (event.type === SAFETY_LIVE.urgent) {
          const { alertId, level, minutesWaiting } = event.payload;
          setUrgent({
            key: event.id,
            alertId: typeof alertId === 'string' ? alertId : '',
            level: typeof level === 'string' ? level : 'high',
            minutesWaiting: typeof minutesWaiting === 'number' ? minutesWaiting : 0,
          });
          onUrgentRef.current();
        }
      }),
    [subscribe],
  );

  return { announcement, urgent, dismissUrgent: () => setUrgent(null) };
}
