import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, messageForField } from './client.js';

afterEach(() => vi.unstubAllGlobals());

function respondWith(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('api', () => {
  it('sends JSON with the session cookie, and a content type only when there is a body', async () => {
    const fetch = respondWith(200, { ok: true });
    await api('/api/me/password', { method: 'POST', body: { currentPassword: 'a', newPassword: 'b' } });
    await api('/api/auth/sign-out', { method: 'POST' });
    const [withBody, withoutBody] = fetch.mock.calls as unknown as [[string, RequestInit], [string, RequestInit]];
    expect(withBody[1]).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"currentPassword":"a","newPassword":"b"}',
    });
    expect(withBody[1].headers).toMatchObject({ 'content-type': 'application/json' });
    expect(withoutBody[1].headers).not.toHaveProperty('content-type');
    expect(withoutBody[1]).not.toHaveProperty('body');
  });

  it('turns the error shape into an ApiError that names its field', async () => {
    respondWith(409, { error: { code: 'handle_taken', message: 'That handle is not available.', field: 'handle' } });
    const error = await api('/api/auth/sign-up', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'handle_taken',
      field: 'handle',
      message: 'That handle is not available.',
    });
  });

  it('explains a dropped connection and an unexpected answer in plain words', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(api('/api/me')).rejects.toMatchObject({ code: 'offline', status: 0 });
    respondWith(502, undefined);
    await expect(api('/api/me')).rejects.toMatchObject({ code: 'internal', status: 502 });
  });
});

describe('messageForField', () => {
  it('rewords a server message that quotes its field', () => {
    expect(messageForField('"handle": must be at least 3 characters', 'Handle')).toBe(
      'Handle must be at least 3 characters.',
    );
    expect(messageForField('"email" is required.', 'Email')).toBe('Email is required.');
    expect(messageForField('Your current password is not right.', 'Current password')).toBe(
      'Your current password is not right.',
    );
  });
});
