import { z } from 'zod';
import { handleLookupSchema } from './accounts.js';
import { conversationSummarySchema, MESSAGE_MAX_LENGTH, messageSchema, sendMessageRequestSchema } from './conversations.js';
import { supportCardSchema } from './safety.js';
import { text } from './text.js';

/**
 * Private messages between members (issue 15, part 1): requests, settings, edits.
 * They extend the conversation store's shapes (conversations.ts).
 */

export const MESSAGE_REQUESTS_FROM = ['nobody', 'shared_group', 'everyone'] as const;
export const messageRequestsFromSchema = z.enum(MESSAGE_REQUESTS_FROM);
export type MessageRequestsFrom = z.infer<typeof messageRequestsFromSchema>;

export const messageSettingsSchema = z.object({
  requestsFrom: messageRequestsFromSchema,
  readReceipts: z.boolean(),
  typingIndicators: z.boolean(),
});
export type MessageSettings = z.infer<typeof messageSettingsSchema>;
export const messageSettingsResponseSchema = z.object({ settings: messageSettingsSchema });
export const updateMessageSettingsRequestSchema = z.strictObject({
  requestsFrom: messageRequestsFromSchema.optional(),
  readReceipts: z.boolean().optional(),
  typingIndicators: z.boolean().optional(),
});
export type UpdateMessageSettingsRequest = z.infer<typeof updateMessageSettingsRequestSchema>;

export const withMemberParamsSchema = z.object({ handle: handleLookupSchema });

/**
 * Whether you may message a member, said before you type. `reason` explains a no in plain words; `code` is
 * `account_too_new`, `no_visible_posts` (about you) or `not_accepting_requests` (their setting, or a block).
 */
export const messageStatusResponseSchema = z.object({
  conversationId: z.uuid().nullable(),
  mayWrite: z.boolean(),
  refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type MessageStatusResponse = z.infer<typeof messageStatusResponseSchema>;

export const startConversationRequestSchema = sendMessageRequestSchema;
export const startConversationResponseSchema = z.object({
  conversationId: z.uuid(),
  message: messageSchema,
  support: supportCardSchema.nullable(),
});
export type StartConversationResponse = z.infer<typeof startConversationResponseSchema>;

export const requestListResponseSchema = z.object({ requests: z.array(conversationSummarySchema) });
export type RequestListResponse = z.infer<typeof requestListResponseSchema>;

export const messageParamsSchema = z.object({ id: z.uuid('must be a conversation id'), messageId: z.uuid('must be a message id') });

export const editMessageRequestSchema = z.strictObject({
  body: text().trim().min(1, 'Please write your message first.').max(MESSAGE_MAX_LENGTH),
});
export const editMessageResponseSchema = z.object({ message: messageSchema, support: supportCardSchema.nullable() });
export type EditMessageResponse = z.infer<typeof editMessageResponseSchema>;
export const deleteMessageResponseSchema = z.object({ message: messageSchema });

/** Live event types on a member's own channel for direct messages (payloads are the same presenters as REST). */
export const DIRECT_LIVE = {
  /**
   * New, edited or deleted. Stored as `{ conversationId, messageId }` (no words in live_events); a socket gets
   * `{ conversationId, message }`, the message as it is now, presented for that reader as REST presents it.
   */
  message: 'conversation.direct_message',
  /** `{ conversationId }`: a request arrived, was accepted, or the conversation closed: read it again. */
  changed: 'conversation.direct_changed',
  /** `{ conversationId, readAt }`: the other person read it (only when both turned read receipts on). */
  read: 'conversation.direct_read',
  /** Ephemeral (never a row): `{ conversationId }`, the other person is typing. */
  typing: 'conversation.typing',
} as const;
