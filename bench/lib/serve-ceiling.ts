// The same-run ceiling: the plainest JSON server node:http can be. Prints its port.
// BODY_BYTES makes its body exactly that many bytes (JSON padded with a string), so a
// Hearth response is compared with a plain server writing a body of the same size.
import { createServer } from 'node:http';

function ceilingBody(bytes: number | undefined): string {
  const base = { user: { id: '00000000-0000-4000-8000-000000000000', handle: 'ceiling', role: 'member' } };
  const plain = JSON.stringify(base);
  if (bytes === undefined || bytes <= plain.length) return plain;
  const empty = JSON.stringify({ ...base, padding: '' });
  return JSON.stringify({ ...base, padding: 'x'.repeat(Math.max(0, bytes - empty.length)) });
}

const requested = process.env.BODY_BYTES ? Number(process.env.BODY_BYTES) : undefined;
if (requested !== undefined && !(Number.isInteger(requested) && requested > 0)) throw new Error(`BODY_BYTES must be a positive whole number, got ${process.env.BODY_BYTES}`);
const body = ceilingBody(requested);
const server = createServer((request, response) => {
  // A write's body is read and dropped, as a server must before it answers.
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(JSON.stringify({ port: address.port, bodyBytes: Buffer.byteLength(body) }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
