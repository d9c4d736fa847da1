// GET /api/me for a signed-in member (session lookup + presenter), against the
// plain node:http ceiling measured in the same run. PGlite always; PostgreSQL too
// when DATABASE_URL is given.
import { fileURLToPath } from 'node:url';
import { load, printTable, signUpMember, spawnServer, type LoadResult } from './lib/harness.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const ceilingServer = await spawnServer(here('./lib/serve-ceiling.ts'));
const ceiling = await load({ name: 'ceiling: node:http JSON', url: `http://127.0.0.1:${ceilingServer.port}/` });
await ceilingServer.stop();

const drivers: { label: string; env: NodeJS.ProcessEnv }[] = [{ label: 'PGlite', env: { DATABASE_URL: '' } }];
if (process.env.DATABASE_URL) drivers.push({ label: 'PostgreSQL', env: { DATABASE_URL: process.env.DATABASE_URL } });

const rows: LoadResult[] = [];
for (const driver of drivers) {
  const node = await spawnServer(here('./lib/serve-hearth.ts'), driver.env);
  const base = `http://127.0.0.1:${node.port}`;
  const cookie = await signUpMember(base, `bench_${Date.now().toString(36)}`);
  rows.push(await load({ name: `GET /api/me (${driver.label})`, url: `${base}/api/me`, headers: { cookie } }));
  await node.stop();
}
printTable('GET /api/me, 50 connections', ceiling, rows);
