// `npm start` and `npm install` (prepare): build only the parts whose sources changed.
// Each part's inputs are hashed (paths and contents); the hash of the last successful
// build is kept beside the output, so an up-to-date checkout starts at once and a fresh
// clone builds once (in `npm install`), not twice. `npm run build` still builds everything.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampDir = join(root, 'dist', '.build-stamps');
/** Files that never change a build's output. */
const ignored = (path) => /\.test\.tsx?$/.test(path) || path.includes('test-support');
const shared = ['src/shared', 'tsconfig.json', 'package-lock.json', 'scripts/build-if-stale.js'];

const parts = [
  {
    name: 'server',
    inputs: ['src/server', 'tsconfig.server.json', ...shared],
    output: 'dist/server/cli/index.js',
    script: 'build:server',
  },
  {
    name: 'web',
    inputs: ['src/web', 'vite.config.ts', ...shared],
    output: 'dist/web/index.html',
    script: 'build:web',
  },
];

function filesUnder(path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true })
    .map((entry) => join(path, String(entry)))
    .filter((file) => statSync(join(root, file)).isFile() && !ignored(file));
}

function hashOf(inputs) {
  const hash = createHash('sha256');
  const files = [...new Set(inputs.flatMap(filesUnder))].sort();
  for (const file of files) {
    hash.update(relative(root, join(root, file))).update('\0').update(readFileSync(join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

function run(script) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run ${script} exited with ${code}`))));
  });
}

const stale = parts
  .map((part) => ({ ...part, hash: hashOf(part.inputs), stamp: join(stampDir, `${part.name}.sha256`) }))
  .filter((part) => {
    const built = existsSync(join(root, part.output)) && existsSync(part.stamp);
    return !built || readFileSync(part.stamp, 'utf8').trim() !== part.hash;
  });

if (stale.length === 0) {
  console.log('Build is up to date.');
} else {
  console.log(`Building ${stale.map((part) => part.name).join(' and ')}...`);
  const started = Date.now();
  // The server (tsc) and the web app (Vite) share nothing: build them side by side.
  await Promise.all(
    stale.map(async (part) => {
      await run(part.script);
      mkdirSync(stampDir, { recursive: true });
      writeFileSync(part.stamp, `${part.hash}\n`);
    }),
  );
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
