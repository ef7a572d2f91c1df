// Where the built UI is by default: the repository's ui/dist, found relative to this package.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `<repo>/ui/dist` when it exists (this file runs from services/api/dist/), else undefined. */
export function defaultUiDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../../ui/dist', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}
