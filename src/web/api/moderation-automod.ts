import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AutomodRulesResponse,
  AutomodRuleView,
  CreateAutomodRuleRequest,
  ModerationSettings,
  updateAutomodRuleRequestSchema,
} from '../../shared/api/moderation-automod.js';
import { api } from './client.js';

/**
 * Calls of the automod API (src/server/modules/moderation/automod-routes.ts;
 * shapes in src/shared/api/moderation-automod.ts). `group` is a group's slug;
 * without it, the site's rules.
 */
export const automodKeys = {
  rules: (group: string | undefined) => ['moderation', 'automod', group ?? 'site'] as const,
  settings: ['moderation', 'settings'] as const,
};

const rulesPath = (group: string | undefined) =>
  `/api/moderation/automod/rules${group ? `?group=${encodeURIComponent(group)}` : ''}`;

export function useAutomodRules(group?: string) {
  return useQuery({
    queryKey: automodKeys.rules(group),
    queryFn: ({ signal }) => api<AutomodRulesResponse>(rulesPath(group), { signal }),
  });
}

function useRefreshRules(group: string | undefined) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: automodKeys.rules(group) });
}

export function useCreateAutomodRule(group?: string) {
  const refresh = useRefreshRules(group);
  return useMutation({
    mutationFn: (body: CreateAutomodRuleRequest) =>
      api<{ rule: AutomodRuleView }>(rulesPath(group), { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useUpdateAutomodRule(group?: string) {
  const refresh = useRefreshRules(group);
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & z.input<typeof updateAutomodRuleRequestSchema>) =>
      api<{ rule: AutomodRuleView }>(`/api/moderation/automod/rules/${id}`, { method: 'PATCH', body }),
    onSuccess: refresh,
  });
}

export function useDeleteAutomodRule(group?: string) {
  const refresh = useRefreshRules(group);
  return useMutation({
    mutationFn: (id: string) => api<{ ok: true }>(`/api/moderation/automod/rules/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useSetNewMemberHold(group: string) {
  const refresh = useRefreshRules(group);
  return useMutation({
    mutationFn: (holdNewMemberPosts: number) =>
      api<{ holdNewMemberPosts: number }>(`/api/moderation/groups/${encodeURIComponent(group)}/new-members`, {
        method: 'PUT',
        body: { holdNewMemberPosts },
      }),
    onSuccess: refresh,
  });
}

export function useModerationSettings() {
  return useQuery({
    queryKey: automodKeys.settings,
    queryFn: ({ signal }) => api<{ settings: ModerationSettings }>('/api/admin/moderation/settings', { signal }),
  });
}

export function useSaveModerationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: ModerationSettings) =>
      api<{ settings: ModerationSettings }>('/api/admin/moderation/settings', { method: 'PUT', body: settings }),
    onSuccess: (next) => queryClient.setQueryData(automodKeys.settings, next),
  });
}
