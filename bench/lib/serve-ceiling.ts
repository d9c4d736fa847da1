// The same-run ceiling: the plainest JSON server node:http can be. Prints its port.
import { createServer } from 'node:http';

const body = JSON.stringify({ user: { id: '00000000-0000-4000-8000-000000000000', handle: 'ceiling', role: 'member' } });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(JSON.stringify({ port: address.port }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
