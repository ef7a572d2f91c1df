// Loads the p0f fingerprint database from disk: the bundled copy, or NETWATCH_ASSET_P0F_DB.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NetwatchError } from '@netwatch/kit';
import { loadSignatures } from './fp-parser.js';
import type { SignatureDb } from './signature.js';

/** The environment variable naming another p0f.fp to load. */
export const P0F_DB_ENV = 'NETWATCH_ASSET_P0F_DB';

/** services/asset-sensor/data/p0f.fp: p0f 3.09b's database (LGPL-2.1, see the package README). */
export const BUNDLED_P0F_DB = fileURLToPath(new URL('../../data/p0f.fp', import.meta.url));

/** Reads and parses a p0f.fp file; a missing or malformed file is a NetwatchError naming it (and the line). */
export function loadSignatureFile(path: string = BUNDLED_P0F_DB): SignatureDb {
  let text: string;
  try {
    text = readFileSync(path, 'latin1');
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new NetwatchError(missing ? 'input_not_found' : 'input_unreadable', `cannot read p0f database ${path}`,
      { cause, details: { path } });
  }
  return loadSignatures(text, path);
}

/** The database named by NETWATCH_ASSET_P0F_DB, else the bundled one. */
export function loadConfiguredSignatures(env: Readonly<Record<string, string | undefined>> = process.env): SignatureDb {
  const path = env[P0F_DB_ENV];
  return loadSignatureFile(path === undefined || path === '' ? BUNDLED_P0F_DB : path);
}
