import { connect, type AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../modules/accounts/queries.js';
import { join, writePost, writeReply } from '../test-support/community.js';
import {
  BAD_BODIES,
  BAD_PATH_SEGMENTS,
  BAD_QUERY_VALUES,
  badStrings,
  leavesOf,
  ODD_TIMESTAMPS,
  validValue,
  withField,
  WRONG_VALUES,
  type FuzzContext,
  type JsonSchema,
} from '../test-support/fuzz-inputs.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { GOOD_PASSWORD, TestClient } from '../test-support/test-client.js';

/**
 * Issue 10, defect 14: bad input must never reach the database or the framework
 * unchecked. For EVERY route and method in the OpenAPI document (so a new route
 * is fuzzed without anyone remembering to add it), this sends bad values of every
 * kind to each body field, path parameter and query parameter, signed in as a
 * member (and as an admin for admin and staff routes), and fails on any 5xx or any
 * error that is not Hearth's `{ error: { code, message } }`.
 */

interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

let hearth: TestApp;
let member: TestClient;
let admin: TestClient;
let memberHandle: string;
let operations: Operation[];
let context: FuzzContext;
const failures: string[] = [];

beforeAll(async () => {
  hearth = await createTestApp();
  member = new TestClient(hearth.app);
  const account = await member.signUp();
  memberHandle = account.user.handle;
  await join(member, 'grief-and-loss');
  const post = await writePost(member, 'grief-and-loss', { title: 'A post to fuzz', body: 'Something to reply to.' });
  const reply = await writeReply(member, post.post.id);
  admin = new TestClient(hearth.app);
  const adminAccount = await admin.signUp();
  await updateUser(hearth.deps.db, adminAccount.user.id, { role: 'admin' });
  await join(admin, 'grief-and-loss');
  context = {
    handle: memberHandle,
    ids: {
      postId: post.post.id,
      replyId: reply.id,
      parentId: reply.id,
      contentId: post.post.id,
      targetId: post.post.id,
      userId: account.user.id,
      // Never the member's own session: ending it would sign the fuzzer out.
      sessionId: crypto.randomUUID(),
      assessmentId: crypto.randomUUID(),
    },
  };

  const doc = (await member.get('/api/docs/json')).json() as {
    paths: Record<
      string,
      Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >;
  };
  const all = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema,
    })),
  );
  // Writes that end the member's session or membership go last, so they do not hide other routes' paths.
  const rank = (operation: Operation) =>
    operation.path === '/api/auth/sign-out' ? 2 : operation.method === 'DELETE' ? 1 : 0;
  operations = all.filter((operation) => !operation.path.startsWith('/api/docs')).sort((a, b) => rank(a) - rank(b));
});

afterAll(async () => {
  await hearth?.close();
});

/** Routes whose deeper paths only staff reach (group owners' and moderators' routes too). */
const isStaffRoute = (path: string) => /^\/api\/(admin|staff|groups)/.test(path);

function validParam(operation: Operation, name: string): string {
  if (name === 'slug') return 'grief-and-loss';
  if (name === 'countryCode') return 'GB';
  if (name === 'kind') return 'hug';
  if (name === 'contentType') return 'posts';
  if (name === 'targetType') return 'post';
  if (name === 'id') return operation.path.startsWith('/api/replies') ? context.ids.replyId! : context.ids.postId!;
  return String(validValue(operation.parameters.find((p) => p.name === name)?.schema ?? {}, name, context));
}

/** The route's URL with valid parameters, except those overridden (raw, as they go in the URL). */
function urlOf(operation: Operation, overrides: Record<string, string> = {}, rawQuery?: string): string {
  const path = operation.path.replace(
    /\{(\w+)\}/g,
    (_match, name: string) => overrides[name] ?? encodeURIComponent(validParam(operation, name)),
  );
  const query =
    rawQuery ??
    operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .map(
        (parameter) =>
          `${parameter.name}=${overrides[parameter.name] ?? encodeURIComponent(validParam(operation, parameter.name))}`,
      )
      .join('&');
  return query ? `${path}?${query}` : path;
}

function validBody(operation: Operation): unknown {
  return operation.body ? validValue(operation.body, 'body', context) : undefined;
}

/** Why a response is wrong, or undefined when it is a success or a proper Hearth error. */
function problemWith(response: LightMyRequestResponse): string | undefined {
  if (response.statusCode >= 500) return `${response.statusCode} ${response.body.slice(0, 160)}`;
  if (response.statusCode < 400) return undefined;
  if (!String(response.headers['content-type'] ?? '').includes('application/json'))
    return `${response.statusCode} is not JSON`;
  try {
    const { error } = response.json() as { error?: { code?: unknown; message?: unknown } };
    if (typeof error?.code === 'string' && typeof error.message === 'string') return undefined;
  } catch {
    // falls through
  }
  return `${response.statusCode} is not { error: { code, message } }: ${response.body.slice(0, 160)}`;
}

async function clientsFor(operation: Operation): Promise<TestClient[]> {
  // Some routes (sign-out) end the session: sign back in before each route.
  for (const [client, handle] of [[member, memberHandle] as const]) {
    if ((await client.get('/api/me')).statusCode === 401)
      await client.post('/api/auth/sign-in', { handle, password: GOOD_PASSWORD });
  }
  return isStaffRoute(operation.path) ? [admin, member] : [member];
}

/** For input that must be refused by validation: a 400 that names the field (or an item of it). */
function unnamed(response: LightMyRequestResponse, field: string): string | undefined {
  const error =
    response.statusCode === 400 ? (response.json() as { error: { code: string; field?: string } }).error : undefined;
  const named = error?.field === field || error?.field?.startsWith(`${field}.`);
  return named ? undefined : `${response.statusCode} does not name "${field}": ${response.body.slice(0, 160)}`;
}

async function send(
  operation: Operation,
  label: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
  field?: string,
): Promise<void> {
  for (const client of await clientsFor(operation)) {
    const response = await client.request(operation.method as 'GET', url, body, headers);
    const problem = problemWith(response) ?? (field === undefined ? undefined : unnamed(response, field));
    const who = client === admin ? 'admin' : 'member';
    if (problem)
      failures.push(
        `${operation.method} ${operation.path} as ${who}, ${label} (${JSON.stringify(url).slice(0, 120)}): ${problem}`,
      );
  }
}

const printable = (value: unknown) => JSON.stringify(value)?.slice(0, 40);

async function fuzzEach(kind: string, run: (operation: Operation) => Promise<void>): Promise<void> {
  failures.length = 0;
  for (const operation of operations) await run(operation);
  expect(
    failures.length,
    `${kind}: ${failures.length} bad responses, the first:\n${failures.slice(0, 25).join('\n')}`,
  ).toBe(0);
}

// Each case walks every route, so its time grows with the API: a wider limit than one request's.
describe('fuzzing every route in the OpenAPI document', { timeout: 180_000 }, () => {
  it('covers the whole API', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it('NUL and lone surrogates in any body field, path parameter or query parameter are a 400 naming the field', async () => {
    await fuzzEach('NUL and surrogates', async (operation) => {
      const body = validBody(operation);
      for (const leaf of operation.body ? leavesOf(operation.body, body) : []) {
        if (!(leaf.schema.type === 'string' || leaf.schema.enum || leaf.schema.anyOf)) continue;
        const field = leaf.path.join('.');
        // A password someone already has is checked, never stored: it need not be refused, only never a 5xx.
        const mustName = !/^(password|currentPassword)$/.test(field) || operation.path === '/api/auth/sign-up';
        for (const bad of badStrings(leaf.schema)) {
          await send(
            operation,
            `body ${field}=${printable(bad)}`,
            urlOf(operation),
            withField(body, leaf.path, bad),
            {},
            mustName ? field : undefined,
          );
        }
      }
      for (const parameter of operation.parameters) {
        for (const bad of ['%00', 'ab%00cd', `${encodeURIComponent('\uFFFD')}%00`]) {
          await send(
            operation,
            `${parameter.in} ${parameter.name}=${bad}`,
            urlOf(operation, { [parameter.name]: bad }),
            body,
            {},
            parameter.name,
          );
        }
        // A lone surrogate cannot be percent-encoded (its UTF-8 is invalid): the router refuses the address.
        if (parameter.in === 'path')
          await send(
            operation,
            `path ${parameter.name} lone surrogate`,
            urlOf(operation, { [parameter.name]: '%ED%A0%80' }),
            body,
          );
      }
    });
  });

  it('wrong types, extreme numbers, missing and unknown fields in any body are a 400', async () => {
    await fuzzEach('wrong types', async (operation) => {
      if (!operation.body) return;
      const body = validBody(operation);
      await send(operation, 'valid body', urlOf(operation), body);
      for (const leaf of leavesOf(operation.body, body)) {
        const label = `body ${leaf.path.join('.')}`;
        for (const bad of WRONG_VALUES)
          await send(operation, `${label}=${printable(bad)}`, urlOf(operation), withField(body, leaf.path, bad));
        if (leaf.schema.type === 'string') {
          for (const time of ODD_TIMESTAMPS)
            await send(operation, `${label}=${time}`, urlOf(operation), withField(body, leaf.path, time));
          await send(
            operation,
            `${label} very long`,
            urlOf(operation),
            withField(body, leaf.path, 'x'.repeat(100_000)),
          );
        }
        await send(operation, `${label} missing`, urlOf(operation), withField(body, leaf.path, undefined));
      }
      await send(operation, 'unknown field', urlOf(operation), { ...(body as object), unexpected: 'field' });
    });
  });

  it('bad query values (types, extreme numbers, odd timestamps, cursors, repeats) are a 400', async () => {
    const cursor = (t: string, id: string) => Buffer.from(JSON.stringify({ t, id })).toString('base64url');
    await fuzzEach('query values', async (operation) => {
      const body = validBody(operation);
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        const valid = encodeURIComponent(validParam(operation, parameter.name));
        const values = [...BAD_QUERY_VALUES, `${valid}&${parameter.name}=${valid}`, ''];
        if (parameter.name === 'cursor') {
          // Odd cursor timestamps are worker B's (issue 10, defect 14 feed cursors); here: cursors that are not cursors.
          values.push(
            cursor('2025-01-01T00:00:00Z', 'not-a-uuid'),
            'e30',
            '%FF%FE',
            Buffer.from('\u0000').toString('base64url'),
          );
        }
        for (const value of values)
          await send(
            operation,
            `query ${parameter.name}=${value.slice(0, 40)}`,
            urlOf(operation, { [parameter.name]: value }),
            body,
          );
      }
    });
  });

  // Every paged list takes only the cursor form the server gives out (feeds/cursor.ts).
  it('odd timestamps inside feed cursors are a 400', async () => {
    const cursor = (t: string) => Buffer.from(JSON.stringify({ t, id: context.ids.postId })).toString('base64url');
    await fuzzEach('cursor timestamps', async (operation) => {
      if (!operation.parameters.some((p) => p.name === 'cursor')) return;
      for (const time of ODD_TIMESTAMPS)
        await send(operation, `cursor at ${time}`, urlOf(operation, { cursor: cursor(time) }));
    });
  });

  it('bad percent-encoding, over-long path parameters and query strings answer in Hearth’s JSON format', async () => {
    await fuzzEach('URLs', async (operation) => {
      const body = validBody(operation);
      for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
        for (const segment of BAD_PATH_SEGMENTS) {
          await send(
            operation,
            `path ${parameter.name}=${segment.slice(0, 40)}`,
            urlOf(operation, { [parameter.name]: segment }),
            body,
          );
        }
      }
      for (const query of [
        '%',
        '%E0%A4%A=1',
        'a=%E0%A4%A',
        `a=${'x'.repeat(20_000)}`,
        `${'a=1&'.repeat(2000)}b=2`,
        '=&=&&',
        'q[]=1&q[a]=2',
      ]) {
        await send(operation, `query string ${query.slice(0, 40)}`, urlOf(operation, {}, query), body);
      }
    });
  });

  it('over a real socket, requests Node cannot take (over-long address, garbage) answer in Hearth’s JSON format', async () => {
    await hearth.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = hearth.app.server.address() as AddressInfo;
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const overLong = await raw(`GET /api/search?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    for (const [answer, status, code] of [
      [overLong, 431, 'headers_too_large'],
      [garbage, 400, 'bad_request'],
    ] as const) {
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(head).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(body ?? '')).toMatchObject({ error: { code, message: expect.any(String) } });
    }
  });

  it('empty, malformed and non-JSON bodies are a 4xx', async () => {
    await fuzzEach('bodies', async (operation) => {
      if (operation.method === 'GET') return;
      for (const bad of BAD_BODIES) {
        await send(
          operation,
          `body ${bad.payload.slice(0, 30)}`,
          urlOf(operation),
          bad.payload,
          bad.contentType ? { 'content-type': bad.contentType } : {},
        );
      }
    });
  });
});
