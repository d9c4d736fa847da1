import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Role } from '../../shared/api/accounts.js';
import type { createGroupRequestSchema, Group, updateGroupRequestSchema } from '../../shared/api/community.js';
import type {
  AdminMembersResponse,
  MyRevealsResponse,
  GroupTeamResponse,
  MemberSummary,
  RevealLogResponse,
  RevealResponse,
} from '../../shared/api/moderation-staff.js';
import { api } from './client.js';
import { communityKeys } from './community-queries.js';

/**
 * Calls of the staff screens: admins' members and roles (accounts/admin-routes.ts),
 * a group's details, requests and team (groups/routes.ts, moderation/staff-groups-routes.ts),
 * and the logged reveal (moderation/reveal.ts). Shapes in src/shared/api/moderation-staff.ts.
 */

const path = (value: string) => encodeURIComponent(value);

export const staffKeys = {
  members: (q: string) => ['staff', 'members', q] as const,
  team: (slug: string, q: string) => ['staff', 'team', slug, q] as const,
  requests: (slug: string) => ['staff', 'requests', slug] as const,
  reveals: ['staff', 'reveals'] as const,
  mine: ['me', 'reveals'] as const,
};

// ---------- admins: members and roles ----------

export function useAdminMembers(q: string) {
  return useQuery({
    queryKey: staffKeys.members(q),
    queryFn: ({ signal }) => api<AdminMembersResponse>(`/api/admin/users?q=${path(q)}&limit=50`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useChangeRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api<{ user: MemberSummary }>(`/api/admin/users/${path(userId)}`, { method: 'PATCH', body: { role } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['staff', 'members'] }),
  });
}

// ---------- groups: details, requests, team ----------

export type NewGroupInput = z.input<typeof createGroupRequestSchema>;
export type GroupChanges = z.input<typeof updateGroupRequestSchema>;

export function useCreateGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewGroupInput) => api<{ group: Group }>('/api/groups', { method: 'POST', body }),
    onSuccess: ({ group }) => {
      queryClient.setQueryData(communityKeys.group(group.slug), { group });
      return queryClient.invalidateQueries({ queryKey: communityKeys.groups });
    },
  });
}

export function useUpdateGroup(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupChanges) => api<{ group: Group }>(`/api/groups/${path(slug)}`, { method: 'PATCH', body }),
    onSuccess: ({ group }) => {
      queryClient.setQueryData(communityKeys.group(slug), { group });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: communityKeys.groups }),
        queryClient.invalidateQueries({ queryKey: ['staff', 'team', slug] }),
      ]);
    },
  });
}

export function useGroupTeam(slug: string, q: string) {
  return useQuery({
    queryKey: staffKeys.team(slug, q),
    queryFn: ({ signal }) =>
      api<GroupTeamResponse>(`/api/groups/${path(slug)}/team${q ? `?q=${path(q)}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export interface JoinRequest {
  userId: string;
  handle: string;
  message: string | null;
  requestedAt: string;
}

export function useJoinRequests(slug: string) {
  return useQuery({
    queryKey: staffKeys.requests(slug),
    queryFn: ({ signal }) => api<{ requests: JoinRequest[] }>(`/api/groups/${path(slug)}/requests`, { signal }),
  });
}

export function useDecideRequest(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, decision }: { userId: string; decision: 'approve' | 'decline' }) =>
      api<{ ok: true }>(`/api/groups/${path(slug)}/requests/${path(userId)}`, { method: 'POST', body: { decision } }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.requests(slug) }),
        queryClient.invalidateQueries({ queryKey: ['staff', 'team', slug] }),
        queryClient.invalidateQueries({ queryKey: communityKeys.group(slug) }),
      ]),
  });
}

export function useSetGroupRole(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: 'member' | 'moderator' | 'facilitator' }) =>
      api<{ ok: true }>(`/api/groups/${path(slug)}/members/${path(userId)}`, { method: 'PATCH', body: { role } }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['staff', 'team', slug] }),
        queryClient.invalidateQueries({ queryKey: communityKeys.group(slug) }),
      ]),
  });
}

// ---------- staff: the logged reveal ----------

export function useReveal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { contentType: 'post' | 'reply'; contentId: string; reason: string }) =>
      api<RevealResponse>('/api/staff/reveal', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.reveals }),
  });
}

export function useRevealLog() {
  return useQuery({
    queryKey: staffKeys.reveals,
    queryFn: ({ signal }) => api<RevealLogResponse>('/api/staff/reveals', { signal }),
  });
}

/** The member's own reveals: fetched once per page, and only where they wrote something anonymously. */
export function useMyReveals(enabled: boolean) {
  return useQuery({
    queryKey: staffKeys.mine,
    queryFn: ({ signal }) => api<MyRevealsResponse>('/api/me/reveals', { signal }),
    enabled,
    staleTime: 60_000,
  });
}
