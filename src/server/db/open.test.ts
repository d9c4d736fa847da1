import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open.js';

/** PGlite and node-postgres answer `execute` in different shapes. */
async function show(handle: Awaited<ReturnType<typeof openDatabase>>, setting: 'shared_buffers' | 'max_worker_processes'): Promise<string | undefined> {
  const result = await handle.db.execute(sql.raw(`show ${setting}`));
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, string>[];
  return rows[0]?.[setting];
}

describe('the embedded PGlite database', () => {
  it('starts with a small buffer cache, since PostgreSQL’s 128 MB default stays resident in the process', async () => {
    const handle = await openDatabase({});
    try {
      expect(await show(handle, 'shared_buffers')).toBe('16MB');
      // PGlite's own start parameters are kept (one process, no workers, synchronous I/O).
      expect(await show(handle, 'max_worker_processes')).toBe('0');
    } finally {
      await handle.close();
    }
  }, 60_000);
});
