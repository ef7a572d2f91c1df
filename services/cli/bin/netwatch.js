#!/usr/bin/env node
// The netwatch command: loads the compiled CLI, or says how to build it.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('netwatch: not built yet; run `npm run build` in the repository first\n');
  process.exit(1);
}
await import(main.href);
