import { z } from 'zod';
import { contentWarningTopicSchema } from './community.js';
import { text } from './text.js';

/** Staff decide about held content (issue 11 item 4): release it with a content warning, keep it held, or ask the writer to edit. */
export const heldDecisionRequestSchema = z.strictObject({
  decision: z.enum(['release', 'keep', 'ask_edit']),
  /** Required to release: the warning other members see before they open it. */
  contentWarning: z
    .strictObject({
      text: text().trim().min(1, 'is required').max(200),
      topics: z.array(contentWarningTopicSchema).min(1, 'choose at least one topic').max(7),
    })
    .optional(),
  /** Words for the writer instead of the default ones (which are written to safe-messaging guidelines). */
  messageToWriter: text().trim().min(10, 'must be at least 10 characters').max(2000).optional(),
});
export type HeldDecisionRequest = z.infer<typeof heldDecisionRequestSchema>;

export const heldDecisionKindSchema = z.enum(['released', 'kept', 'edit_requested']);

/** The held content behind an alert, for the dashboard's panel. `contentType` null: the alert is not about a post or reply. */
export const heldContentResponseSchema = z.object({
  contentType: z.enum(['post', 'reply']).nullable(),
  contentId: z.uuid().nullable(),
  /** `removed` covers removed by the author or by staff. */
  status: z.enum(['held', 'visible', 'removed']).nullable(),
  decision: z
    .object({
      decision: heldDecisionKindSchema,
      contentWarning: z.string().nullable(),
      messageToWriter: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string().nullable(),
    })
    .nullable(),
  /** The default words the writer reads for each decision (staff may edit them before sending). */
  defaultMessages: z.object({ release: z.string(), keep: z.string(), ask_edit: z.string() }),
  /**
   * Why it may not be released, when it may not: it was written while the writer was suspended or muted there, or
   * into a locked thread, and was kept only so the safety team could read it (releasing it would publish past that).
   */
  releaseRefused: z.string().nullable(),
});
export type HeldContentResponse = z.infer<typeof heldContentResponseSchema>;
