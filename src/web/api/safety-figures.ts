import { useQuery } from '@tanstack/react-query';
import type { AssessorFigures, SafetyFigures } from '../../shared/api/safety-figures.js';
import { api } from './client.js';

export type { AssessorFigures, SafetyFigures };

/**
 * Figures for the safety team and the assessor's page for admins
 * (src/server/modules/safety-team/figures-routes.ts; shapes in
 * src/shared/api/safety-figures.ts).
 */
export const safetyFigureKeys = {
  figures: (days: 7 | 30) => ['safety', 'figures', days] as const,
  assessor: ['safety', 'assessor'] as const,
};

export function useSafetyFigures(days: 7 | 30) {
  return useQuery({
    queryKey: safetyFigureKeys.figures(days),
    queryFn: ({ signal }) => api<SafetyFigures>(`/api/safety/figures?days=${days}`, { signal }),
    staleTime: 60_000,
  });
}

export function useAssessorFigures() {
  return useQuery({
    queryKey: safetyFigureKeys.assessor,
    queryFn: ({ signal }) => api<AssessorFigures>('/api/safety/assessor', { signal }),
    staleTime: 60_000,
  });
}
