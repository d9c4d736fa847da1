import type { AddressInfo } from 'node:net';

/**
 * The banner's first words: the address the server really listens on (the port
 * the OS gave, the host it bound), and the public address when that differs.
 */
export function describeListening(address: AddressInfo | string | null, publicUrl: URL): string {
  if (address === null || typeof address === 'string')
    return `Hearth is listening on ${address ?? 'an unknown address'}`;
  const anyHost = address.address === '0.0.0.0' || address.address === '::';
  const host = anyHost ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const local = `http://${host}:${address.port}`;
  const scope = anyHost ? ' on all interfaces' : '';
  const via = publicUrl.origin === local ? '' : `; people reach it at ${publicUrl.origin} (PUBLIC_URL)`;
  return `Hearth is listening on ${local}${scope}${via}`;
}
