// Which parts of the build are stale: each part's inputs (paths and contents) are hashed and
// compared with the hash kept beside the output after the last successful build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Files that never change a build's output. */
const ignored = (path) => /\.test\.tsx?$/.test(path) || path.includes('test-support');

function filesUnder(root, path) {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true })
    .map((entry) => join(path, String(entry)))
    .filter((file) => statSync(join(root, file)).isFile() && !ignored(file));
}

/** The hash of a part's inputs: every file's path and bytes, in a stable order. */
export function hashOf(root, inputs) {
  const hash = createHash('sha256');
  const files = [...new Set(inputs.flatMap((input) => filesUnder(root, input)))].sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

const stampOf = (root, part) => join(root, 'dist', '.build-stamps', `${part.name}.sha256`);

/** The parts whose output is missing or whose inputs changed since their last build, with their new hash. */
export function staleParts(root, parts) {
  return parts
    .map((part) => ({ ...part, hash: hashOf(root, part.inputs) }))
    .filter((part) => {
      const stamp = stampOf(root, part);
      if (!existsSync(join(root, part.output)) || !existsSync(stamp)) return true;
      return readFileSync(stamp, 'utf8').trim() !== part.hash;
    });
}

/** Called after a part built successfully. */
export function recordBuilt(root, part) {
  const stamp = stampOf(root, part);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${part.hash}\n`);
}
