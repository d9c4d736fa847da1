import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a per-address limit counts under. An IPv6 network hands each
 * subscriber a whole /64 (2^64 addresses), so counting full IPv6 addresses
 * would give one person endless fresh budgets: IPv6 counts by its /64.
 * IPv4 is scarce and stays whole, and so does an IPv4 address written as
 * IPv4-mapped IPv6 (`::ffff:192.0.2.1`), which is keyed as the plain IPv4
 * address so both spellings share one count.
 */
export function addressKey(ip: string): string {
  const address = ip.split('%')[0]!; // a zone id (`fe80::1%eth0`) names an interface, not a host
  if (isIPv4(address) || !isIPv6(address)) return address;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a trailing dotted IPv4 as two groups). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((piece) => {
          if (!piece.includes('.')) return [parseInt(piece, 16)];
          const [a, b, c, d] = piece.split('.').map(Number) as [number, number, number, number];
          return [(a << 8) | b, (c << 8) | d];
        });
  const [head = '', tail] = address.split('::');
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
