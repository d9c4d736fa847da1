import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CreateReportResponse, MyReportsResponse, createReportRequestSchema } from '../../shared/api/moderation-reports.js';
import { api } from './client.js';

/** Calls of members' reports (src/server/modules/moderation/reports-*.ts; shapes in src/shared/api/moderation-reports.ts). */

export const reportKeys = { mine: ['moderation', 'my-reports'] as const };

export function useSendReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createReportRequestSchema>) => api<CreateReportResponse>('/api/reports', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.mine }),
  });
}

export function useMyReports() {
  return useInfiniteQuery({
    queryKey: reportKeys.mine,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api<MyReportsResponse>(`/api/me/reports${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`, { signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
