import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let handleCounter = 0;
/** A unique, valid handle for a test member. */
export function uniqueHandle(prefix = 'member'): string {
  handleCounter += 1;
  // A letter before the random part: all digits would leave a reserved name once digits are ignored ("moderator3_41207").
  return `${prefix}${handleCounter}_x${Math.random().toString(36).slice(2, 7)}`;
}

export const GOOD_PASSWORD = 'calm-harbour-lanterns';

/**
 * A browser-like client for `app.inject`: it keeps the session cookie between
 * requests, as a browser does, so tests read as a member's steps.
 */
export class TestClient {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await this.app.inject({
      method,
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    for (const set of response.cookies) {
      if (set.value === '' || (set.expires && set.expires.getTime() < Date.now())) this.cookies.delete(set.name);
      else this.cookies.set(set.name, set.value);
    }
    return response;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  get signedIn(): boolean {
    return this.cookies.size > 0;
  }

  /** Signs up a new member and keeps the session. */
  async signUp(handle = uniqueHandle(), password = GOOD_PASSWORD, extra: Record<string, unknown> = {}) {
    const response = await this.post('/api/auth/sign-up', { handle, password, ...extra });
    if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
    const body = response.json() as { user: { id: string; handle: string; sessionId: string }; recoveryCodes: string[] };
    return { ...body, password };
  }
}
