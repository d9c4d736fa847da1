// A small JSON client for setting up benchmarks through the public API, as members would.

export interface ApiResult {
  status: number;
  json: Record<string, unknown>;
  /** The body's size in bytes, uncompressed: what autocannon (which asks for no encoding) receives. */
  bytes: number;
}

export async function call(base: string, cookie: string, method: string, path: string, body?: unknown): Promise<ApiResult> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, 'accept-encoding': 'identity', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown>, bytes: Buffer.byteLength(text) };
}

export async function api<T = Record<string, unknown>>(base: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  return (await call(base, cookie, method, path, body)).json as T;
}

/** Runs `work` over `items`, `width` at a time. */
export async function inPool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
