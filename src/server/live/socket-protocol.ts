import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Role } from '../../shared/api/accounts.js';
import type { Subscription } from './pubsub.js';

/** What `/api/live` sockets say and may hold: the client's messages, the limits, a connection's state (gateway.ts). */

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('resume'), since: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
  // A thread or a group page (posts/live.ts); `since`: the last event id seen on it, to replay what was missed.
  z.object({ type: z.literal('subscribe'), channel: z.string().max(60), since: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('unsubscribe'), channel: z.string().max(60) }),
  /** "I am typing" in a direct conversation: ephemeral, never a row; dropped unless both members turned typing on. */
  z.object({ type: z.literal('typing'), conversationId: z.uuid() }),
]);

/** Threads and groups one socket may follow at once. */
export const MAX_TOPICS_PER_SOCKET = 20;
/**
 * Control messages (subscribe, unsubscribe, resume, typing) one socket may send in a window: a reconnect re-follows
 * every topic at once (20) and resumes, so the allowance is well above that, and far below a flood.
 */
const CONTROL_MESSAGES_PER_WINDOW = 60;
const CONTROL_WINDOW_MS = 10_000;

/** One socket's allowance of control messages: a sliding window of their times. */
export class ControlAllowance {
  private readonly times: number[] = [];

  /** Whether one more fits at `now` (ms); counted if it does. */
  take(now: number): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - CONTROL_WINDOW_MS) this.times.shift();
    if (this.times.length >= CONTROL_MESSAGES_PER_WINDOW) return false;
    this.times.push(now);
    return true;
  }
}

/** A signal that is no row (typing): pushed as `{type:"signal", signal}`, never replayed. */
export interface EphemeralSignal {
  ephemeral: true;
  type: string;
  payload: Record<string, unknown>;
}
/** At most one typing signal per socket this often (a held key must not become a flood). */
export const TYPING_EVERY_MS = 2_000;

export const HEARTBEAT_MS = 25_000;
/** Event ids a socket remembers having sent, to drop a replayed event's live push (or the reverse). */
export const SENT_IDS_KEPT = 2_000;
/**
 * Bytes a socket may have waiting to go out. Past it the client is not reading: the socket is cut off (no close frame,
 * which would wait behind the unread bytes), so this node never holds more than this for it; the client reconnects
 * and resumes from the last event it read, from the rows.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Close code for "sign in first" and "session ended": the client stops reconnecting. */
export const CLOSE_UNAUTHORISED = 4401;
/** Close code for a socket over the member's limit on this node: the client retries with its growing back-off. */
export const CLOSE_TOO_MANY_SOCKETS = 4429;
/**
 * Open sockets one member may hold on one node: a tab each on a few devices, not a flood. A socket over the limit
 * is refused (never an older one closed: two tabs would take turns closing each other).
 */
export const MAX_SOCKETS_PER_MEMBER = 12;

/** One open socket: who it is for, what it may hear, and what it has been sent. */
export interface Connection {
  socket: WebSocket;
  userId: string;
  sessionId: string;
  /** The member's role, re-read before each thread or group event (what they are shown follows it). */
  role: Role;
  /** Thread and group channels followed, each with the last event id sent on it (a catch-up replays from there). */
  topics: Map<string, number>;
  /** Hears the staff channel (on the safety team); re-read from the database before staff events and replays. */
  staff: boolean;
  /** A moderator or admin: checked before each staff event even while off the team, so being added to it counts at once. */
  staffRole: boolean;
  // Ids already sent: a replayed event and its live push may both arrive.
  sent: Set<number>;
  /** The replay in progress: a socket's replays run one at a time, in the order asked. */
  replaying: Promise<void>;
  /** A replay page is being sent: the buffer holds up to a page, and the replay waits for it to drain. */
  replayInFlight: boolean;
  /** Every event after `from` up to `to` was sent by a replay; a later replay from inside it starts at `to`. */
  replayed: { from: number; to: number } | undefined;
  lastSentId: number;
  /** Live pushes to this socket, one after another: each waits for the block check of the one before (order kept). */
  delivering: Promise<void>;
  /** When this socket last passed on a typing signal. */
  lastTypingAt: number;
  /** Set while cross-node fan-out is down: the id to replay from when it returns. */
  catchUpFrom: number | undefined;
  userSubscription: Subscription;
}

/** How often a replay checks that its page has gone out, and how long it waits before taking the client for gone. */
const DRAIN_CHECK_MS = 10;
const REPLAY_STALL_MS = 15_000;

/** Waits until the socket's outgoing buffer is empty; false if it is closed or does not drain in REPLAY_STALL_MS. */
export async function drained(socket: WebSocket): Promise<boolean> {
  const deadline = Date.now() + REPLAY_STALL_MS;
  while (socket.readyState === socket.OPEN && socket.bufferedAmount > 0) {
    if (Date.now() > deadline) return false;
    await new Promise<void>((resolve) => setTimeout(resolve, DRAIN_CHECK_MS));
  }
  return socket.readyState === socket.OPEN;
}
