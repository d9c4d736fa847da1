/**
 * Inputs for the fuzz suite (`src/server/fuzz/fuzz.api.test.ts`): a valid value
 * for any JSON schema of the OpenAPI document, and the bad values of every kind
 * issue 10 found (NUL, lone surrogates, wrong types, extreme numbers, odd
 * timestamps, bad percent-encoding, over-long values).
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  default?: unknown;
  nullable?: boolean;
}

/** Real values the fuzz run discovered, so that a valid request reaches the database. */
export interface FuzzContext {
  ids: Record<string, string>;
  handle: string;
}

/** Candidates for strings with a pattern: the first that matches is used. */
const PATTERN_CANDIDATES = [
  'GB',
  'hug',
  'posts',
  'en',
  'fuzz-group',
  '0800 123 456',
  'Fuzzer_one',
  'newest',
  '2025-01-15',
  '2025-01-15T10:00:00.000Z',
  // A wall-clock time (quiet hours).
  '22:00',
  // The shape of a thread cursor (sealed base64url, 70 to 166 characters): one this server did not seal is a 400 naming its field.
  'A'.repeat(70),
];

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return undefined;
}

function validString(schema: JsonSchema, name: string, context: FuzzContext): string {
  if (schema.format === 'uuid') return context.ids[name] ?? context.ids.postId ?? crypto.randomUUID();
  if (schema.format === 'email') return 'fuzz@example.org';
  if (schema.format === 'uri') return 'https://example.org/help';
  if (schema.format === 'date') return '2025-01-15';
  if (schema.format === 'date-time') return '2025-01-15T10:00:00.000Z';
  if (/handle/i.test(name)) return context.handle;
  if (name === 'timeZone') return 'Europe/London';
  if (name === 'country') return 'GB';
  if (name === 'language') return 'en';
  if (/password/i.test(name)) return 'not-the-password-0';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 500;
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const found = PATTERN_CANDIDATES.find(
      (candidate) => pattern.test(candidate) && candidate.length >= min && candidate.length <= max,
    );
    if (found) return found;
  }
  return 'Fuzzing calmly through the night'.padEnd(min, '.').slice(0, Math.max(min, Math.min(max, 40)));
}

/** A value the schema accepts (as far as a JSON schema can say). */
export function validValue(schema: JsonSchema, name: string, context: FuzzContext): unknown {
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice?.[0]) return validValue(choice[0], name, context);
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], name, context);
  switch (typeOf(schema)) {
    case 'string':
      return validString(schema, name, context);
    case 'integer':
    case 'number':
      return typeof schema.default === 'number' ? schema.default : (schema.minimum ?? 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () =>
        validValue(schema.items ?? {}, name, context),
      );
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validValue(property, key, context)]),
      );
    default:
      return null;
  }
}

/** Timestamps that once reached the database unchecked. */
export const ODD_TIMESTAMPS = [
  '0000-01-01T00:00:00Z',
  '2025-01-01T00:00:00+16:00',
  '9999-12-31T23:59:59.999999Z',
  '-000001-01-01T00:00:00Z',
  '2025-02-30T25:61:61Z',
];

/** Days (a search's from/to) that once passed validation and failed in the database. */
export const ODD_DAYS = ['0000-01-01', '9999-12-31', '2026-02-30'];

/** Bad text: NUL and lone surrogates, alone and inside ordinary text, padded to a schema's minimum length. */
export function badStrings(schema: JsonSchema = {}): string[] {
  const pad = (value: string) => value.padEnd(Math.max(schema.minLength ?? 0, value.length), 'x');
  return [
    pad('\u0000'),
    pad('calm\u0000text'),
    pad('\uD83D'),
    pad('text \uDE00 text'),
    pad('emoji \uD83D\uDE00 then \uD800'),
  ];
}

/** Values of the wrong type or out of every range, for any field. */
export const WRONG_VALUES: unknown[] = [
  null,
  42,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  true,
  'text',
  '',
  {},
  [],
  [null],
  { nested: { deeper: ['\u0000'] } },
];

/** What goes wrong in a path parameter; each is placed in the URL as is. */
export const BAD_PATH_SEGMENTS = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  '%%41',
  '%C0%80',
  'x'.repeat(101),
  'x'.repeat(2000),
  '%F0%9F%98%80',
  '..',
  '%2F%2E%2E',
  ' ',
  '-1',
  '1e308',
  'null',
];

/** What goes wrong in a query parameter's value (percent-encoded unless it is raw). */
export const BAD_QUERY_VALUES = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  '%E0%A4%A',
  '%',
  'x'.repeat(5000),
  '-1',
  '1e308',
  '99999999999999999999',
  'NaN',
  '1.5',
  ...ODD_TIMESTAMPS.map(encodeURIComponent),
  ...ODD_DAYS,
];

/** Whole bodies that are not what any route takes. */
export const BAD_BODIES: { payload: string; contentType?: string }[] = [
  { payload: '' },
  { payload: '{' },
  { payload: '{"a":' },
  { payload: 'null' },
  { payload: '[]' },
  { payload: '"text"' },
  { payload: '1e400' },
  { payload: '{"__proto__":{"admin":true}}' },
  { payload: '{"constructor":{"prototype":{"x":1}}}' },
  { payload: '{}' },
  { payload: '{"a":"\\u0000"}' },
  { payload: '{"a":"\\ud800"}' },
  { payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { payload: 'name=value', contentType: 'application/x-www-form-urlencoded' },
  { payload: 'plain', contentType: 'text/plain' },
  { payload: '{}', contentType: 'application/json; charset=latin1' },
];

export interface Leaf {
  path: (string | number)[];
  schema: JsonSchema;
}

/** Every field of a body (nested objects and arrays too), with its schema. */
export function leavesOf(schema: JsonSchema, value: unknown, path: (string | number)[] = []): Leaf[] {
  const own: Leaf[] = path.length > 0 ? [{ path, schema }] : [];
  if (Array.isArray(value) && schema.items)
    return [...own, ...value.flatMap((item, index) => leavesOf(schema.items ?? {}, item, [...path, index]))];
  if (value && typeof value === 'object' && schema.properties) {
    const properties = schema.properties;
    return [
      ...own,
      ...Object.entries(value).flatMap(([key, item]) => leavesOf(properties[key] ?? {}, item, [...path, key])),
    ];
  }
  return own;
}

/** A deep copy of `value` with the field at `path` set to `replacement` (removed when undefined). */
export function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete target[last];
  else target[last] = replacement;
  return copy;
}
