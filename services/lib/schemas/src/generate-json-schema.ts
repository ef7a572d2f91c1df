// Writes docs/events/ from renderEventDocs() (`npm run docs:events`); removes schemas of gone topics.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_DOCS_DIR, renderEventDocs } from './json-schema.js';

// The repository root, from this file's place in services/lib/schemas/dist/.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const files = renderEventDocs();
mkdirSync(join(repoRoot, EVENT_DOCS_DIR), { recursive: true });
for (const name of readdirSync(join(repoRoot, EVENT_DOCS_DIR))) {
  const path = `${EVENT_DOCS_DIR}/${name}`;
  if (name.endsWith('.schema.json') && !files.has(path)) rmSync(join(repoRoot, path));
}
for (const [path, content] of files) {
  mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
  writeFileSync(join(repoRoot, path), content);
}
process.stdout.write(`wrote ${files.size} files to ${EVENT_DOCS_DIR}/\n`);
