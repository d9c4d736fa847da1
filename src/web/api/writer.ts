import type { HeldContentResponse, HeldDecisionRequest } from '../../shared/api/held-content.js';
import { api } from './client.js';

export type { HeldContentResponse, HeldDecisionRequest };

/** The writer folds their support card away, on every device. */
export const foldSupportCard = (assessmentId: string) =>
  api<{ folded: true }>(`/api/safety/support-cards/${encodeURIComponent(assessmentId)}/fold`, { method: 'POST', body: {} });

/** Staff: the held post or reply behind an alert, and the decision about it. */
export const fetchHeldContent = (alertId: string, signal?: AbortSignal) =>
  api<HeldContentResponse>(`/api/safety/alerts/${encodeURIComponent(alertId)}/held-content`, signal ? { signal } : {});

export const decideHeldContent = (alertId: string, body: HeldDecisionRequest) =>
  api<HeldContentResponse>(`/api/safety/alerts/${encodeURIComponent(alertId)}/held-content`, { method: 'POST', body });
