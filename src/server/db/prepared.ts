import type { Database } from './database.js';

const cache = new WeakMap<Database, Map<string, unknown>>();

/**
 * A named prepared statement, built once per database. Hot read paths use these
 * so PostgreSQL plans them once per connection: planning these joins costs more
 * than running them. Only for `db` itself, never for a transaction.
 */
export function prepared<T>(db: Database, name: string, build: (db: Database, name: string) => T): T {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(name) as T | undefined;
  if (!statement) {
    statement = build(db, name);
    statements.set(name, statement);
  }
  return statement;
}
