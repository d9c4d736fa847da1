export * from './database.js';
export { openDatabase } from './open.js';
export { runMigrations } from './migrate.js';
