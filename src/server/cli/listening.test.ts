import { describe, expect, it } from 'vitest';
import { describeListening } from './listening.js';

describe('the banner (issue 10, defect 20)', () => {
  it('names the port the server really listens on, not 3000', () => {
    expect(
      describeListening({ address: '0.0.0.0', family: 'IPv4', port: 3001 }, new URL('http://localhost:3001')),
    ).toBe('Hearth is listening on http://localhost:3001 on all interfaces');
  });

  it('names a bound host, and the public address when it differs', () => {
    expect(
      describeListening({ address: '127.0.0.1', family: 'IPv4', port: 8080 }, new URL('https://support.example.org')),
    ).toBe('Hearth is listening on http://127.0.0.1:8080; people reach it at https://support.example.org (PUBLIC_URL)');
    expect(describeListening({ address: '::1', family: 'IPv6', port: 4000 }, new URL('http://[::1]:4000'))).toBe(
      'Hearth is listening on http://[::1]:4000',
    );
  });
});
