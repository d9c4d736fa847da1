import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditActions, AuditPage } from '../../shared/api/moderation-audit.js';
import type { ModerationFigures } from '../../shared/api/moderation-figures.js';
import type { PublicLogPage } from '../../shared/api/moderation-public-log.js';
import { api } from './client.js';

export type { AuditActions, AuditPage, ModerationFigures, PublicLogPage };

/** The audit log's filters as the page keeps them in its address. */
export interface AuditFilters {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/**
 * The logs and figures of moderation (src/server/modules/audit/routes.ts,
 * moderation/public-log-routes.ts, moderation/figures-routes.ts).
 */
export const moderationLogKeys = {
  audit: (filters: AuditFilters) => ['moderation', 'audit', filters] as const,
  auditActions: ['moderation', 'audit', 'actions'] as const,
  publicLog: (slug: string) => ['moderation', 'public-log', slug] as const,
  figures: (days: 7 | 30 | 90) => ['moderation', 'figures', days] as const,
};

function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: moderationLogKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => api<AuditPage>(`/api/admin/audit${query({ ...filters, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    retry: false,
  });
}

export function useAuditActions() {
  return useQuery({ queryKey: moderationLogKeys.auditActions, queryFn: ({ signal }) => api<AuditActions>('/api/admin/audit/actions', { signal }), staleTime: 60_000 });
}

export function usePublicLog(slug: string) {
  return useInfiniteQuery({
    queryKey: moderationLogKeys.publicLog(slug),
    queryFn: ({ pageParam, signal }) => api<PublicLogPage>(`/api/groups/${encodeURIComponent(slug)}/moderation-log${query({ cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    retry: false,
  });
}

export function useModerationFigures(days: 7 | 30 | 90) {
  return useQuery({
    queryKey: moderationLogKeys.figures(days),
    queryFn: ({ signal }) => api<ModerationFigures>(`/api/admin/moderation/figures?days=${days}`, { signal }),
    staleTime: 60_000,
  });
}
