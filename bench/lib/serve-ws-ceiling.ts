// The same-run ceiling for sockets: a plain `ws` server on node:http that greets each socket with one small JSON
// message and then only holds it (SOCKET_MODE=hold), or also broadcasts every message a client sends to every open
// socket, serialising it once (SOCKET_MODE=broadcast). Prints its port; reports like serve-hearth (BENCH_REPORT_MS).
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { reportEvery } from './report-loop.js';

const broadcast = process.env.SOCKET_MODE === 'broadcast';
const server = createServer((_request, response) => response.writeHead(404).end());
const wss = new WebSocketServer({ server, maxPayload: 4096 });
const open = new Set<WebSocket>();
wss.on('connection', (socket) => {
  open.add(socket);
  socket.on('close', () => open.delete(socket));
  socket.send(JSON.stringify({ type: 'ready', lastEventId: 0 }));
  if (broadcast) {
    socket.on('message', (raw: Buffer) => {
      const frame = JSON.stringify({ type: 'event', event: { id: Date.now(), type: 'room.message', payload: JSON.parse(raw.toString('utf8')) as unknown } });
      for (const peer of open) peer.send(frame);
    });
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(JSON.stringify({ port: address.port }));
});
reportEvery(Number(process.env.BENCH_REPORT_MS ?? 0));
process.on('SIGTERM', () => {
  for (const socket of open) socket.terminate();
  server.close(() => process.exit(0));
});
