// Test helper: paths to the checked-in capture fixtures, their tshark expectations, and temp files.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test-data/ beside src/ and dist/. */
export const TEST_DATA = fileURLToPath(new URL('../../test-data/', import.meta.url));

/** One row per frame as tshark printed it: len, cap_len, time_epoch, interface_id, first protocol. */
export type TsharkFrame = [number, number, string, number, string];

export interface Expectation {
  file: string;
  frames: TsharkFrame[];
}

export function fixturePath(name: string): string {
  return join(TEST_DATA, name);
}

export function fixtureNames(): string[] {
  return readdirSync(TEST_DATA)
    .filter((f) => f.endsWith('.pcap') || f.endsWith('.pcapng'))
    .sort();
}

export function expectation(name: string): Expectation {
  return JSON.parse(readFileSync(join(TEST_DATA, `${name}.json`), 'utf8')) as Expectation;
}

let dir: string | undefined;

/** Write bytes to a fresh file in a per-process temp directory and return its path. */
export function tempFile(name: string, bytes: Uint8Array): string {
  dir ??= mkdtempSync(join(tmpdir(), 'netwatch-packet-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function tempDir(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'netwatch-packet-'));
  return dir;
}
