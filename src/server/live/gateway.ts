import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Deps } from '../deps.js';
import { DIRECT_LIVE } from '../../shared/api/direct-messages.js';
import { accountPolicy } from '../modules/accounts/policies.js';
import { typingRecipient } from '../modules/conversations/direct-service.js';
import { prepareForDelivery } from '../modules/conversations/live-filter.js';
import { mayListen, presentTopicEvent, TOPIC_PATTERN } from '../modules/posts/live.js';
import { readSocketAccess, type SocketAccess } from './access.js';
import { ROLE_CHANGED_EVENT, staffChannel, userChannel, type LiveEvent } from './hub.js';
import {
  clientMessageSchema,
  CLOSE_TOO_MANY_SOCKETS,
  CLOSE_UNAUTHORISED,
  ControlAllowance,
  drained,
  HEARTBEAT_MS,
  MAX_BUFFERED_BYTES,
  MAX_SOCKETS_PER_MEMBER,
  MAX_TOPICS_PER_SOCKET,
  SENT_IDS_KEPT,
  TYPING_EVERY_MS,
  type Connection,
  type EphemeralSignal,
} from './socket-protocol.js';
import type { Subscription } from './pubsub.js';

export { CLOSE_TOO_MANY_SOCKETS, CLOSE_UNAUTHORISED, MAX_SOCKETS_PER_MEMBER };

/**
 * `/api/live`: one WebSocket per signed-in tab. It carries notifications of
 * durable rows; on (re)connect the client sends `{type:"resume", since}` with the
 * last event id it saw and gets everything newer from the table first. When
 * Redis comes back after an outage, every socket on this node is sent what was
 * written meanwhile, from the rows.
 */
export async function registerLiveGateway(app: FastifyInstance, deps: Pick<Deps, 'config' | 'db' | 'live' | 'log' | 'clock'>): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 4096 } });
  const { pubsub } = deps.live;
  const connections = new Set<Connection>();
  const socketsPerMember = new Map<string, number>();

  const failed = (what: string) => (error: unknown) => {
    // The err serializer keeps the class, code and frames, never a message (which could quote SQL parameters).
    deps.log.warn({ err: error }, `live gateway: ${what} failed`);
  };

  function send(connection: Connection, event: LiveEvent): void {
    const { socket } = connection;
    if (connection.sent.has(event.id) || socket.readyState !== socket.OPEN) return;
    // A client that does not read would make this node hold every push for it: it is cut off at once (a close
    // frame would wait behind the unread bytes) and, reconnecting, resumes from the last event it did read.
    // A replay paces itself instead (`drained`): a page on its way is not a client that stopped reading.
    if (!connection.replayInFlight && socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    connection.sent.add(event.id);
    // Forget the oldest half, never all at once: a long replay and its live pushes overlap at the newest ids.
    if (connection.sent.size > SENT_IDS_KEPT) {
      let excess = connection.sent.size - SENT_IDS_KEPT / 2;
      for (const id of connection.sent) {
        if (excess-- <= 0) break;
        connection.sent.delete(id);
      }
    }
    connection.lastSentId = Math.max(connection.lastSentId, event.id);
    socket.send(JSON.stringify({ type: 'event', event }));
    if (event.type === 'session.ended' && (event.payload.sessionIds as string[] | undefined)?.includes(connection.sessionId)) {
      socket.close(CLOSE_UNAUTHORISED, 'session ended');
    }
  }

  /** Applies what the database says now; false when the socket was closed because its session is over. */
  function apply(connection: Connection, access: SocketAccess | undefined): boolean {
    if (!access) {
      if (connection.socket.readyState === connection.socket.OPEN) connection.socket.close(CLOSE_UNAUTHORISED, 'session ended');
      return false;
    }
    // What earlier replays covered did not include the staff channel (or did): it no longer stands.
    if (connection.staff !== access.staff) connection.replayed = undefined;
    connection.staff = access.staff;
    connection.staffRole = access.staffRole;
    connection.role = access.role;
    return true;
  }

  async function refresh(connection: Connection): Promise<boolean> {
    const access = await readSocketAccess(deps.db, [connection.sessionId], deps.config.session.idleMs);
    return apply(connection, access.get(connection.sessionId));
  }

  const channelsOf = (connection: Connection) =>
    connection.staff ? [userChannel(connection.userId), staffChannel] : [userChannel(connection.userId)];

  /** Replays after the ones already asked for on this socket: never two at once, so memory stays one page. */
  function replay(connection: Connection, since: number): Promise<void> {
    const run = connection.replaying.then(() => replayNow(connection, since));
    connection.replaying = run.catch(() => undefined);
    return run;
  }

  async function replayNow(connection: Connection, since: number): Promise<void> {
    // The role at the time of the request decides whether past staff events are replayed.
    if (!(await refresh(connection))) return;
    const { socket } = connection;
    const covered = connection.replayed;
    const inside = covered !== undefined && since >= covered.from && since <= covered.to;
    const start = inside ? covered.to : since;
    let reached = start;
    for await (const page of deps.live.pagesSince(channelsOf(connection), start)) {
      // Checked at delivery: a block drops direct-message events, and a message event is presented for this reader.
      const deliverable = await prepareForDelivery(deps.db, deps.config.messageKeys, connection.userId, page);
      connection.replayInFlight = true;
      try {
        for (const event of deliverable) send(connection, event);
        reached = page[page.length - 1]!.id;
        connection.replayed = { from: inside ? covered.from : since, to: reached };
        // One page at a time: the next is read only once this one has gone out, so a replay holds at most a page.
        if (!(await drained(socket))) {
          socket.terminate();
          return;
        }
      } finally {
        connection.replayInFlight = false;
      }
    }
    connection.replayed = { from: inside ? covered.from : since, to: reached };
  }

  // One staff subscription per node: each alert is checked against every staff socket's current access first.
  async function fanOutStaff(event: LiveEvent): Promise<void> {
    const audience = [...connections].filter((connection) => connection.staff || connection.staffRole);
    if (audience.length === 0) return;
    const access = await readSocketAccess(
      deps.db,
      audience.map((connection) => connection.sessionId),
      deps.config.session.idleMs,
    );
    for (const connection of audience) {
      if (apply(connection, access.get(connection.sessionId)) && connection.staff) send(connection, event);
    }
  }
  const staffSubscription = pubsub.subscribe(staffChannel, (message) => {
    void fanOutStaff(JSON.parse(message) as LiveEvent).catch(failed('staff fan-out'));
  });
  app.addHook('onClose', async () => staffSubscription.stop());

  /**
   * Thread and group channels: one subscription per channel per node, shared by
   * its sockets. Each event is presented once per audience (posts/live.ts)
   * after every listener's session and role are read again; its events go out
   * one at a time, in order, and a socket's replay runs in the same queue.
   */
  interface Topic {
    subscription: Subscription;
    connections: Set<Connection>;
    queue: Promise<void>;
  }
  const topics = new Map<string, Topic>();

  function enqueue(topic: Topic, work: () => Promise<void>, what: string): Promise<void> {
    const run = topic.queue.then(work);
    topic.queue = run.catch(failed(what));
    return topic.queue;
  }

  /** Sends a message already serialised for the socket's audience; the id guards against a replayed copy. */
  function sendText(connection: Connection, channel: string, id: number, text: string): void {
    const { socket } = connection;
    if (connection.sent.has(id) || socket.readyState !== socket.OPEN || !connection.topics.has(channel)) return;
    // As `send`: a client that stopped reading is cut off and resumes later (a replay page drains first instead).
    if (!connection.replayInFlight && socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.terminate();
      return;
    }
    connection.sent.add(id);
    connection.topics.set(channel, Math.max(connection.topics.get(channel) ?? 0, id));
    socket.send(text);
  }

  function leave(connection: Connection, channel: string, told: boolean): void {
    if (!connection.topics.delete(channel)) return;
    const topic = topics.get(channel);
    topic?.connections.delete(connection);
    if (topic && topic.connections.size === 0) {
      topics.delete(channel);
      void topic.subscription.stop();
    }
    const { socket } = connection;
    if (told && socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'unsubscribed', channel }));
  }

  async function deliver(channel: string, event: LiveEvent, audience: Connection[]): Promise<void> {
    if (audience.length === 0) return;
    const access = await readSocketAccess(deps.db, audience.map((connection) => connection.sessionId), deps.config.session.idleMs);
    const listening = audience.filter((connection) => apply(connection, access.get(connection.sessionId)));
    const delivery = await presentTopicEvent(deps.db, event, listening);
    // No longer allowed to read it (left a private group, a block, a demotion): they stop hearing it.
    for (const connection of delivery.revoked) leave(connection, channel, true);
    for (const [connection, text] of delivery.messages) sendText(connection, channel, event.id, text);
  }

  function topicFor(channel: string): Topic {
    let topic = topics.get(channel);
    if (!topic) {
      const created: Topic = {
        connections: new Set(),
        queue: Promise.resolve(),
        subscription: pubsub.subscribe(channel, (message) => {
          const event = JSON.parse(message) as LiveEvent;
          void enqueue(created, () => deliver(channel, event, [...created.connections]), 'topic fan-out');
        }),
      };
      topics.set(channel, created);
      topic = created;
    }
    return topic;
  }

  /** Replays a followed channel to one socket from `since`, through the same presentation; the newest id reached. */
  async function replayTopic(connection: Connection, channel: string, since: number): Promise<number> {
    let reached = since;
    for await (const page of deps.live.pagesSince([channel], since)) {
      const wasInFlight = connection.replayInFlight;
      connection.replayInFlight = true;
      try {
        for (const event of page) {
          if (!connection.topics.has(channel)) return reached;
          await deliver(channel, event, [connection]);
          reached = event.id;
        }
      } finally {
        connection.replayInFlight = wasInFlight;
      }
      // One page at a time, drained before the next (as the member's own replay).
      if (!(await drained(connection.socket))) {
        connection.socket.terminate();
        return reached;
      }
    }
    return reached;
  }

  /** A new role: every followed channel is checked again at once (each event checks again anyway). */
  async function recheckTopics(connection: Connection): Promise<void> {
    for (const channel of [...connection.topics.keys()]) {
      const match = TOPIC_PATTERN.exec(channel);
      if (!match || !(await mayListen(deps.db, connection, { kind: match[1] as 'thread' | 'group', id: match[2]! }))) leave(connection, channel, true);
    }
  }

  async function follow(connection: Connection, channel: string, since: number | undefined): Promise<void> {
    const { socket } = connection;
    const refuse = (reason: string) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'subscribe_refused', channel, reason }));
    };
    const match = TOPIC_PATTERN.exec(channel);
    if (!(await refresh(connection))) return;
    // A thread or group that does not exist and one this member may not read are refused alike.
    if (!match || !(await mayListen(deps.db, connection, { kind: match[1] as 'thread' | 'group', id: match[2]! }))) return refuse('not_found');
    const already = connection.topics.has(channel);
    if (!already && connection.topics.size >= MAX_TOPICS_PER_SOCKET) return refuse('too_many');
    connection.topics.set(channel, Math.max(connection.topics.get(channel) ?? 0, since ?? 0));
    const topic = topicFor(channel);
    topic.connections.add(connection);
    // Subscribed before replaying: nothing falls in the gap; the topic's queue keeps replay and live pushes in order.
    await topic.subscription.ready;
    await enqueue(
      topic,
      async () => {
        // Already followed on this socket: every event since was pushed to it in order, so a repeated subscribe
        // replays nothing (it would cost a page of queries per event, for events the socket already has).
        if (since !== undefined && !already) await replayTopic(connection, channel, since);
        // Never the channel's own newest id, nor the last row the replay passed (hub.ts newestId): both move for rows
        // this reader is not sent. The newest id anywhere covers everything replayed and says nothing of this channel.
        const lastEventId = Math.max(since ?? 0, await deps.live.newestId());
        if (socket.readyState === socket.OPEN && connection.topics.has(channel)) socket.send(JSON.stringify({ type: 'subscribed', channel, lastEventId }));
      },
      'topic replay',
    );
  }

  pubsub.onDisconnect(() => {
    for (const connection of connections) connection.catchUpFrom ??= connection.lastSentId;
  });
  pubsub.onReconnect(() => {
    for (const connection of connections) {
      const from = connection.catchUpFrom;
      if (from === undefined) continue;
      connection.catchUpFrom = undefined;
      void replay(connection, from).catch(failed('catch-up after reconnection'));
      for (const [channel, since] of connection.topics) {
        const topic = topics.get(channel);
        if (topic) void enqueue(topic, async () => void (await replayTopic(connection, channel, since)), 'topic catch-up');
      }
    }
  });

  app.get('/api/live', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const auth = request.auth;
    if (!auth) {
      socket.close(CLOSE_UNAUTHORISED, 'sign in first');
      return;
    }
    const open = socketsPerMember.get(auth.user.id) ?? 0;
    if (open >= MAX_SOCKETS_PER_MEMBER) {
      socket.close(CLOSE_TOO_MANY_SOCKETS, 'too many open connections');
      return;
    }
    socketsPerMember.set(auth.user.id, open + 1);
    const connection: Connection = {
      socket,
      userId: auth.user.id,
      sessionId: auth.session.id,
      // A first guess: the team list is read before any staff event or replay reaches this socket.
      staff: accountPolicy.isStaff(auth.user.role),
      staffRole: accountPolicy.isStaff(auth.user.role),
      role: auth.user.role,
      topics: new Map(),
      sent: new Set(),
      replaying: Promise.resolve(),
      replayInFlight: false,
      replayed: undefined,
      lastSentId: 0,
      delivering: Promise.resolve(),
      lastTypingAt: 0,
      catchUpFrom: undefined,
      userSubscription: pubsub.subscribe(userChannel(auth.user.id), (message) => {
        const parsed = JSON.parse(message) as LiveEvent | EphemeralSignal;
        if ('ephemeral' in parsed) {
          // A passing signal is dropped for a socket that is behind (nothing to catch up on later).
          if (socket.readyState === socket.OPEN && socket.bufferedAmount <= MAX_BUFFERED_BYTES) socket.send(JSON.stringify({ type: 'signal', signal: { type: parsed.type, payload: parsed.payload } }));
          return;
        }
        const event = parsed;
        // Checked at delivery: a block may have landed between the event's record and this push.
        connection.delivering = connection.delivering
          .then(async () => {
            for (const deliverable of await prepareForDelivery(deps.db, deps.config.messageKeys, connection.userId, [event])) send(connection, deliverable);
          })
          .catch(failed('delivery'));
        if (event.type === ROLE_CHANGED_EVENT) void refresh(connection).then(() => recheckTopics(connection)).catch(failed('role refresh'));
      }),
    };
    connections.add(connection);
    const heartbeat = setInterval(() => {
      if (socket.readyState === socket.OPEN) socket.ping();
    }, HEARTBEAT_MS);

    socket.on('message', (raw: Buffer) => void handleMessage(raw).catch(failed('resume')));
    socket.on('close', () => {
      clearInterval(heartbeat);
      connections.delete(connection);
      const left = (socketsPerMember.get(connection.userId) ?? 1) - 1;
      if (left > 0) socketsPerMember.set(connection.userId, left);
      else socketsPerMember.delete(connection.userId);
      connection.userSubscription.stop();
      for (const channel of [...connection.topics.keys()]) leave(connection, channel, false);
    });
    // `lastEventId` lets a new tab resume "from now" instead of replaying the member's whole history.
    void deps.live
      .latestId(channelsOf(connection))
      .then((lastEventId) => {
        if (!pubsub.connected()) connection.catchUpFrom ??= lastEventId;
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'ready', lastEventId }));
      })
      .catch(failed('ready'));

    const controls = new ControlAllowance();

    async function handleMessage(raw: Buffer) {
      const answerError = (code: string, text: string, field?: string) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'error', error: { code, message: text, ...(field ? { field } : {}) } }));
      };
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        return answerError('bad_message', 'A message must be JSON.');
      }
      const checked = clientMessageSchema.safeParse(parsed);
      if (!checked.success) {
        // Named as a 400 names its field, so a client that sends the wrong shape is told what to mend.
        const issue = checked.error.issues[0];
        const field = issue?.path.join('.') || undefined;
        return answerError('bad_message', field ? `"${field}" ${issue!.message}` : 'Unknown message.', field);
      }
      const message = checked.data;
      // Every message but a ping can cost queries (a subscribe, a resume): a socket gets a generous allowance.
      if (message.type !== 'ping' && !controls.take(deps.clock.now().getTime())) return answerError('slow_down', 'Too many requests on this connection: wait a few seconds.');
      if (message.type === 'ping') {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      if (message.type === 'subscribe') return follow(connection, message.channel, message.since);
      if (message.type === 'unsubscribe') return leave(connection, message.channel, true);
      if (message.type === 'typing') {
        const now = deps.clock.now().getTime();
        if (now - connection.lastTypingAt < TYPING_EVERY_MS) return;
        connection.lastTypingAt = now;
        const other = await typingRecipient(deps.db, deps.config.messageKeys, connection.userId, message.conversationId);
        const signal: EphemeralSignal = { ephemeral: true, type: DIRECT_LIVE.typing, payload: { conversationId: message.conversationId } };
        if (other) await pubsub.publish(userChannel(other), JSON.stringify(signal));
        return;
      }
      // Subscribed before replaying: nothing falls in the gap.
      await Promise.all([connection.userSubscription.ready, staffSubscription.ready]);
      await replay(connection, message.since);
      // Fan-out is down: what other nodes write meanwhile is replayed from here when it returns.
      if (!pubsub.connected()) connection.catchUpFrom ??= Math.max(connection.lastSentId, message.since);
      // From before the oldest event kept (a tab asleep past live/retention.ts's week): what it missed may be gone.
      const oldest = message.since > 0 ? await deps.live.oldestKeptId() : 0;
      const reset = oldest > message.since + 1;
      if (socket.readyState === socket.OPEN) {
        socket.send(JSON.stringify({ type: 'resumed', lastEventId: Math.max(connection.lastSentId, message.since), ...(reset ? { reset: true } : {}) }));
      }
    }
  });
}

export type { WebSocket };
