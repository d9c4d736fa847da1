// `npm start` and `npm install` (prepare): build only the parts whose sources changed since
// the last successful build (scripts/build-stamps.js), so an up-to-date checkout starts at
// once and a fresh clone builds once (in `npm install`), not twice. `npm run build` still
// builds everything. The server is emitted without a type-check (`--noCheck`: the same
// JavaScript in a third of the time); `npm run typecheck`, `npm test` and CI check types.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { recordBuilt, staleParts } from './build-stamps.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = [
  'src/shared',
  'tsconfig.json',
  'package-lock.json',
  'scripts/build-if-stale.js',
  'scripts/build-stamps.js',
];

const parts = [
  {
    name: 'server',
    inputs: ['src/server', 'tsconfig.server.json', ...shared],
    output: 'dist/server/cli/index.js',
    script: ['build:server', '--', '--noCheck'],
  },
  {
    name: 'web',
    inputs: ['src/web', 'vite.config.ts', ...shared],
    output: 'dist/web/index.html',
    script: ['build:web'],
  },
];

function run([script, ...args]) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited with ${code}`))));
  });
}

const stale = staleParts(root, parts);
if (stale.length === 0) {
  console.log('Build is up to date.');
} else {
  console.log(`Building ${stale.map((part) => part.name).join(' and ')}...`);
  const started = Date.now();
  // The server (tsc) and the web app (Vite) share nothing: build them side by side.
  await Promise.all(
    stale.map(async (part) => {
      await run(part.script);
      recordBuilt(root, part);
    }),
  );
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
