import type { z } from 'zod';
import type { supportActionRequestSchema, supportActionResponseSchema } from '../../shared/api/safety.js';
import { api } from './client.js';

export type SupportActionRequest = z.infer<typeof supportActionRequestSchema>;
export type SupportActionResponse = z.infer<typeof supportActionResponseSchema>;

/** "Talk to someone now" alerts the safety team; "I'm safe for now" is noted for their context. */
export const recordSupportAction = (body: SupportActionRequest) =>
  api<SupportActionResponse>('/api/safety/support-actions', { method: 'POST', body });
