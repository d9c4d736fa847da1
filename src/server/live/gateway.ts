import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { staffChannel, userChannel, type LiveEvent } from './hub.js';

const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('resume'), since: z.number().int().min(0) }),
  z.object({ type: z.literal('ping') }),
]);

const HEARTBEAT_MS = 25_000;

/**
 * `/api/live`: one WebSocket per signed-in tab. It carries notifications of
 * durable rows; on (re)connect the client sends `{type:"resume", since}` with the
 * last event id it saw and gets everything newer from the table first.
 */
export async function registerLiveGateway(app: FastifyInstance, deps: Pick<Deps, 'live' | 'log'>): Promise<void> {
  await app.register(websocket, { options: { maxPayload: 4096 } });

  app.get('/api/live', { websocket: true, schema: { hide: true } }, (socket, request) => {
    const auth = request.auth;
    if (!auth) {
      socket.close(4401, 'sign in first');
      return;
    }
    const isStaff = auth.user.role === 'admin' || auth.user.role === 'moderator';
    const channels = isStaff ? [userChannel(auth.user.id), staffChannel] : [userChannel(auth.user.id)];
    // Ids already sent: a replayed event and its live push may both arrive.
    const sent = new Set<number>();
    let lastSentId = 0;
    const send = (event: LiveEvent) => {
      if (sent.has(event.id) || socket.readyState !== socket.OPEN) return;
      if (sent.size > 1000) sent.clear();
      sent.add(event.id);
      lastSentId = Math.max(lastSentId, event.id);
      socket.send(JSON.stringify({ type: 'event', event }));
      if (event.type === 'session.ended' && (event.payload.sessionIds as string[] | undefined)?.includes(auth.session.id)) {
        socket.close(4401, 'session ended');
      }
    };

    const unsubscribers = channels.map((channel) =>
      deps.live.pubsub.subscribe(channel, (message) => send(JSON.parse(message) as LiveEvent)),
    );
    const heartbeat = setInterval(() => socket.ping(), HEARTBEAT_MS);

    socket.on('message', (raw: Buffer) => void handleMessage(raw));
    socket.on('close', () => {
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribers) void unsubscribe.then((stop) => stop());
    });
    // `lastEventId` lets a new tab resume "from now" instead of replaying the member's whole history.
    void deps.live.latestId(channels).then((lastEventId) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'ready', lastEventId }));
    });

    async function handleMessage(raw: Buffer) {
      let message: z.infer<typeof clientMessageSchema>;
      try {
        message = clientMessageSchema.parse(JSON.parse(raw.toString('utf8')));
      } catch {
        socket.send(JSON.stringify({ type: 'error', error: { code: 'bad_message', message: 'Unknown message.' } }));
        return;
      }
      if (message.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      await Promise.all(unsubscribers); // subscribed before replaying: nothing falls in the gap
      const missed = await deps.live.since(channels, message.since);
      for (const event of missed) send(event);
      socket.send(JSON.stringify({ type: 'resumed', lastEventId: Math.max(lastSentId, message.since) }));
    }
  });
}

export type { WebSocket };
