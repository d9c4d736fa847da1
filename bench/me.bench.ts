// GET /api/me for a signed-in member (session lookup + presenter), against the
// plain node:http ceiling measured in the same run. PGlite always; PostgreSQL too
// when DATABASE_URL is given.
import { load, measureCeiling, onEachDriver, printTable, signUpMember } from './lib/harness.js';

const ceiling = await measureCeiling();
const rows = await onEachDriver(async (base, driver) => {
  const cookie = await signUpMember(base, `bench_${Date.now().toString(36)}`);
  return [await load({ name: `GET /api/me (${driver})`, url: `${base}/api/me`, headers: { cookie } })];
});
printTable('GET /api/me, 50 connections', ceiling, rows);
