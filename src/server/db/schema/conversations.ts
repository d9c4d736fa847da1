import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { safetyAlerts } from './safety.js';

/**
 * The conversation store. Issue 11 uses it for the safety team's outreach (a
 * conversation between one member and "the Hearth safety team"); the
 * private-messages issue extends it with `direct` conversations, requests and
 * encryption rather than replacing it.
 */
export const conversationKind = pgEnum('conversation_kind', ['safety', 'direct']);
export const messageStatus = pgEnum('message_status', ['visible', 'held', 'removed_by_author', 'removed_by_staff']);
/**
 * A direct conversation starts as a request to its recipient. `declined` reads to the one who asked exactly as
 * `pending` does ("not accepted"), and they may not ask again: the recipient can still write to them later.
 */
export const directRequestState = pgEnum('direct_request_state', ['pending', 'accepted', 'declined']);
/** Who may send a member a message request. */
export const messageRequestsFrom = pgEnum('message_requests_from', ['nobody', 'shared_group', 'everyone']);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: conversationKind('kind').notNull(),
    /** For `safety`: the member the team is talking with (one such conversation per member). */
    memberId: uuid('member_id').references(() => users.id, { onDelete: 'cascade' }),
    /** For `direct`: who wrote first (the request's sender). */
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    /** For `direct`: whether the recipient accepted the request. */
    requestState: directRequestState('request_state'),
    /** For `direct`: the two members' ids, smaller first, joined by ':' (one conversation per pair). */
    pairKey: text('pair_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('conversations_safety_member_key').on(table.memberId).where(sql`${table.kind} = 'safety'`),
    uniqueIndex('conversations_direct_pair_key').on(table.pairKey).where(sql`${table.kind} = 'direct'`),
  ],
);

/** Who is in a conversation and what they have read (unread state). Staff read a safety conversation through the team, not as participants. */
export const conversationParticipants = pgTable(
  'conversation_participants',
  {
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.conversationId, table.userId] }), index('conversation_participants_user_idx').on(table.userId)],
);

/** bytea as a Buffer (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    /** Sent on behalf of the safety team: shown as "the Hearth safety team" unless `signed`. */
    asTeam: boolean('as_team').notNull().default(false),
    /** The staff member chose to sign with their own handle. */
    signed: boolean('signed').notNull().default(false),
    /**
     * The words, sealed with AES-256-GCM under `key_id` (crypto/message-body.ts:
     * the one way in and out), bound to this row's id.
     */
    bodySealed: bytea('body_sealed'),
    keyId: text('key_id'),
    /** Plaintext from versions before encryption at rest, until the sealing sweep seals it (then NULL). */
    body: text('body'),
    status: messageStatus('status').notNull().default('visible'),
    /** The alert this message belongs to (outreach, or the member's answer to it). */
    alertId: uuid('alert_id').references(() => safetyAlerts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when its sender last edited it ("edited"). */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    /** The sender's id for this send: a retried send with the same id lands once. */
    clientId: uuid('client_id'),
  },
  (table) => [
    index('messages_conversation_created_idx').on(table.conversationId, table.createdAt, table.id),
    // Rotation finds rows under older keys, and start-up lists the key ids in use, by this index.
    index('messages_key_id_idx').on(table.keyId),
    // Stays empty once an upgrade's plaintext is sealed: the sweep's lookup costs nothing after that.
    index('messages_plaintext_idx').on(table.id).where(sql`${table.body} is not null`),
    check('messages_body_sealed_or_legacy', sql`(${table.bodySealed} is null) = (${table.keyId} is null) and (${table.bodySealed} is null) <> (${table.body} is null)`),
    uniqueIndex('messages_sender_client_key').on(table.senderId, table.clientId),
  ],
);

/** A member's private-message settings (no row: the defaults). Receipts and typing show only when both people opted in. */
export const messageSettings = pgTable('message_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  requestsFrom: messageRequestsFrom('requests_from').notNull().default('shared_group'),
  readReceipts: boolean('read_receipts').notNull().default(false),
  typingIndicators: boolean('typing_indicators').notNull().default(false),
});
