#!/usr/bin/env node
// The `hearth` command. The TypeScript is compiled by `npm run build` (run by `npm install` too).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('hearth: not built yet. Run `npm run build` in the Hearth folder first.');
  process.exit(1);
}
await import(entry.href);
