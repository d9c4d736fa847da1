import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { account } from '../../test-support/community.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * Attacker's review of web push subscriptions (issue 15). FAILS today.
 */
let hearth: TestApp;
beforeAll(async () => {
  hearth = await createTestApp();
});
afterAll(async () => {
  await hearth?.close();
});

const keys = { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' };

describe('push endpoints (attack)', () => {
  /**
   * Any member can register any https URL as their "push endpoint", and every notification they get makes a Hearth
   * node POST to it: a blind server-side request forgery into the cloud metadata service or the private network
   * (and, from which subscriptions get pruned, a port scanner). Endpoints must be refused unless they are on a
   * public push service (or a configured allowlist), with a 400 naming `endpoint`.
   */
  it.each(['https://169.254.169.254/latest/meta-data/iam', 'https://10.0.0.5:6379/', 'https://192.168.1.1/admin', 'https://metadata.google.internal/computeMetadata/v1/'])(
    'refuses a push endpoint on a private or metadata address: %s',
    async (endpoint) => {
      const { client } = await account(hearth);
      const response = await client.post('/api/notifications/push-subscriptions', { endpoint, keys });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.field).toBe('endpoint');
    },
  );
});
