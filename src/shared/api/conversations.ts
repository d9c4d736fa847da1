import { z } from 'zod';
import { supportCardSchema } from './safety.js';
import { text } from './text.js';

/**
 * The conversation store's contracts (issue 11: the safety team's outreach; the
 * private-messages issue adds `direct` conversations to the same shapes).
 */

export const MESSAGE_MAX_LENGTH = 4000;
/** How the safety team is named to a member, unless a staff member signs a message with their handle. */
export const SAFETY_TEAM_NAME = 'Hearth safety team';

export const conversationKindSchema = z.enum(['safety', 'direct']);

/**
 * Who sent a message, as a member sees it. A team message names the team, or
 * the staff member's handle only when they chose to sign it: never an id, and
 * never the handle of whoever wrote an unsigned message.
 */
export const messageSenderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('you') }),
  z.object({ kind: z.literal('team'), name: z.string(), signedBy: z.string().nullable() }),
  /** The other member of a direct conversation, by handle (a direct conversation is never anonymous). */
  z.object({ kind: z.literal('member'), handle: z.string() }),
]);

export const messageSchema = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  /** Empty when `deleted`: a deleted message keeps no words ("Message deleted"). */
  body: z.string(),
  createdAt: z.string(),
  /** When its sender last edited it ("edited"); null if never. */
  editedAt: z.string().nullable(),
  deleted: z.boolean(),
  from: messageSenderSchema,
});
export type ConversationMessage = z.infer<typeof messageSchema>;

export const conversationSummarySchema = z.object({
  id: z.uuid(),
  kind: conversationKindSchema,
  /** The other side, as shown: "Hearth safety team" for a safety conversation. */
  title: z.string(),
  lastMessageAt: z.string(),
  /** The newest message, shortened, for the list. */
  preview: z.string().nullable(),
  unread: z.number().int().min(0),
  /** For a direct conversation: who it is with and where the request stands (null for a safety conversation). */
  direct: z
    .object({
      handle: z.string(),
      /**
       * `accepted`; `request_received` (you may accept, decline or block); `request_sent`: not accepted (yet),
       * whether it waits or was declined (the one who asked is told no more than that).
       */
      state: z.enum(['accepted', 'request_received', 'request_sent']),
      /** Whether you may write now (not while your request waits; never after a block). */
      mayWrite: z.boolean(),
      /** When they last read it: only when you both turned read receipts on. */
      otherReadAt: z.string().nullable(),
      /** Whether typing shows here: only when you both turned typing indicators on. */
      typing: z.boolean(),
    })
    .nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationListResponseSchema = z.object({ conversations: z.array(conversationSummarySchema) });
export type ConversationListResponse = z.infer<typeof conversationListResponseSchema>;

export const conversationParamsSchema = z.object({ id: z.uuid('must be a conversation id') });

export const conversationQuerySchema = z.object({
  /** Older messages: the `olderCursor` of the page before. */
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const conversationResponseSchema = z.object({
  conversation: conversationSummarySchema,
  /** Oldest first (the newest at the bottom). */
  messages: z.array(messageSchema),
  /** Set when older messages exist: pass it as `cursor` to read them. */
  olderCursor: z.string().nullable(),
});
export type ConversationResponse = z.infer<typeof conversationResponseSchema>;

export const sendMessageRequestSchema = z.strictObject({
  body: text().trim().min(1, 'Please write your message first.').max(MESSAGE_MAX_LENGTH),
  /** A new id per message the client sends: a retried send with the same id lands once and answers the same message. */
  clientId: z.uuid('must be a uuid the client makes for this message').optional(),
});
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;

/** A member's message answers with the support card when the risk assessor asks for one (null otherwise). */
export const sendMessageResponseSchema = z.object({ message: messageSchema, support: supportCardSchema.nullable() });
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

export const unreadResponseSchema = z.object({
  count: z.number().int().min(0),
  /** Message requests waiting for your answer. */
  requests: z.number().int().min(0),
});

// The safety team's side: outreach on an alert.

export const outreachTemplateSchema = z.object({ id: z.string(), title: z.string(), body: z.string() });
export type OutreachTemplate = z.infer<typeof outreachTemplateSchema>;
export const outreachTemplatesResponseSchema = z.object({ templates: z.array(outreachTemplateSchema) });

export const alertParamsSchema = z.object({ id: z.uuid('must be an alert id') });

export const outreachRequestSchema = z.strictObject({
  body: text().trim().min(1, 'Please write the message first.').max(MESSAGE_MAX_LENGTH),
  /** Sign with your own handle instead of "Hearth safety team". */
  signed: z.boolean().optional(),
});
export type OutreachRequest = z.infer<typeof outreachRequestSchema>;

/** A message as the safety team sees it: which staff member sent each team message; the member is "the member" (their handle only through the alert's logged reveal). */
export const staffMessageSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  createdAt: z.string(),
  from: z.enum(['team', 'member']),
  /** The staff member who sent a team message (null for the member's, or an account since erased). */
  sentBy: z.object({ id: z.uuid(), handle: z.string() }).nullable(),
  signed: z.boolean(),
  alertId: z.uuid().nullable(),
});
export type StaffMessage = z.infer<typeof staffMessageSchema>;

export const alertConversationResponseSchema = z.object({
  conversationId: z.uuid().nullable(),
  /** Oldest first (the newest at the bottom). */
  messages: z.array(staffMessageSchema),
});
export type AlertConversationResponse = z.infer<typeof alertConversationResponseSchema>;

export const outreachResponseSchema = z.object({
  message: staffMessageSchema,
  /** True when this outreach claimed the alert for its sender. */
  claimed: z.boolean(),
});
export type OutreachResponse = z.infer<typeof outreachResponseSchema>;
