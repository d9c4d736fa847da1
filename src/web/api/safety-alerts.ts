import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  AlertCounts,
  AlertDetail,
  AlertListItem,
  AlertListResponse,
  AlertResolveRequest,
} from '../../shared/api/safety-alerts.js';
import { api, ApiError } from './client.js';

/**
 * Calls of the safety dashboard's alerts API
 * (src/server/modules/safety-team/alerts-routes.ts; shapes in
 * src/shared/api/safety-alerts.ts). Staff only: anyone else gets 403.
 */

const path = (alertId: string) => `/api/safety/alerts/${encodeURIComponent(alertId)}`;

export const fetchAlerts = (signal?: AbortSignal) =>
  api<AlertListResponse>('/api/safety/alerts', signal ? { signal } : {});
export const fetchAlertCounts = (signal?: AbortSignal) =>
  api<AlertCounts>('/api/safety/alerts/summary', signal ? { signal } : {});
export const fetchAlert = (alertId: string, signal?: AbortSignal) =>
  api<AlertDetail>(path(alertId), signal ? { signal } : {});

type Action = { alert: AlertListItem };
export const claimAlert = (alertId: string) => api<Action>(`${path(alertId)}/claim`, { method: 'POST', body: {} });
export const releaseAlert = (alertId: string) => api<Action>(`${path(alertId)}/release`, { method: 'POST', body: {} });
export const addAlertNote = (alertId: string, body: string) =>
  api<Action>(`${path(alertId)}/notes`, { method: 'POST', body: { body } });
export const resolveAlert = (alertId: string, body: AlertResolveRequest) =>
  api<Action>(`${path(alertId)}/resolve`, { method: 'POST', body });

/** Every safety query starts with 'safety', so one live event refreshes them all (other slices' too). */
export const safetyAlertKeys = {
  all: ['safety'] as const,
  list: ['safety', 'alerts', 'list'] as const,
  counts: ['safety', 'alerts', 'counts'] as const,
  detail: (alertId: string) => ['safety', 'alerts', 'detail', alertId] as const,
};

/** A 403 is an answer ("not on the team"), not a failure to retry. */
const retryUnlessForbidden = (failures: number, error: Error) =>
  !(error instanceof ApiError && (error.status === 403 || error.status === 404)) && failures < 2;

export function useAlerts() {
  return useQuery({ queryKey: safetyAlertKeys.list, queryFn: ({ signal }) => fetchAlerts(signal), retry: retryUnlessForbidden });
}

export function useAlertCounts(enabled: boolean) {
  return useQuery({
    queryKey: safetyAlertKeys.counts,
    queryFn: ({ signal }) => fetchAlertCounts(signal),
    enabled,
    retry: retryUnlessForbidden,
    // Live events refresh it; this is the net for a socket that was down.
    refetchInterval: 60_000,
  });
}

export function useAlert(alertId: string | null) {
  return useQuery({
    queryKey: safetyAlertKeys.detail(alertId ?? ''),
    queryFn: ({ signal }) => fetchAlert(alertId!, signal),
    enabled: alertId !== null,
    retry: retryUnlessForbidden,
  });
}

export function refreshSafety(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: safetyAlertKeys.all });
}

/** An action on one alert; afterwards the list, the count and the alert are read again. */
export function useAlertAction<Input>(run: (input: Input) => Promise<Action>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => refreshSafety(queryClient) });
}
