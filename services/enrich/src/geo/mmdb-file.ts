// Opening an .mmdb file with the maxmind reader, and checking it is a database of the kind the caller needs.
import { readFile, stat } from 'node:fs/promises';
import { NetwatchError } from '@netwatch/kit/errors';
import { Reader } from 'maxmind';
import { type MmdbFormat, type MmdbKind, mmdbFormatOf } from './mmdb-format.js';

/** One opened database: the reader, what it holds, and the file version it was read from. */
export interface OpenedMmdb {
  readonly path: string;
  readonly reader: Reader<Record<string, unknown>>;
  readonly format: MmdbFormat;
  readonly databaseType: string;
  /** 4: IPv4 only; 6: IPv6, with IPv4 under ::/96 when the database carries it. */
  readonly ipVersion: number;
  /** Seconds since the epoch when the database was built (metadata build_epoch). */
  readonly buildEpoch: number;
  /** File identity at open time, to tell a changed file from a spurious watch event. */
  readonly version: FileVersion;
}

export interface FileVersion {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

export function sameVersion(a: FileVersion, b: FileVersion): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

export async function fileVersion(path: string): Promise<FileVersion> {
  const s = await stat(path);
  return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino };
}

/**
 * Reads the whole file (the reader searches a Buffer) and parses its metadata. The format comes
 * from the metadata's `database_type`, never the file name. Throws a NetwatchError
 * (`input_not_found` / `input_unreadable`, exit 2 at start) whose message starts with `label`.
 */
export async function openMmdb(path: string, kind: MmdbKind, label: string = path): Promise<OpenedMmdb> {
  let version: FileVersion;
  let bytes: Buffer;
  try {
    version = await fileVersion(path);
    bytes = await readFile(path);
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === 'ENOENT';
    throw new NetwatchError(missing ? 'input_not_found' : 'input_unreadable',
      `${label}: cannot read ${path}: ${(cause as Error).message}`, { cause, details: { path } });
  }
  let reader: Reader<Record<string, unknown>>;
  try {
    reader = new Reader<Record<string, unknown>>(bytes);
  } catch (cause) {
    throw new NetwatchError('input_unreadable', `${label}: ${path} is not a MaxMind DB file (${(cause as Error).message})`,
      { cause, details: { path } });
  }
  const databaseType = String(reader.metadata.databaseType);
  const format = mmdbFormatOf(databaseType);
  if (format === undefined) {
    throw new NetwatchError('input_unreadable',
      `${label}: ${path} holds database type "${databaseType}", which netwatch cannot read ` +
      '(GeoLite2/GeoIP2/DBIP City, Country, ASN or ISP, or ip-location-db city/country/asn)', { details: { path } });
  }
  if (format.kind !== kind) {
    throw new NetwatchError('input_unreadable',
      `${label}: ${path} is ${format.kind === 'city' ? 'a location' : 'an ASN'} database ("${databaseType}"), ` +
      `not ${kind === 'city' ? 'a city/country' : 'an ASN'} one`, { details: { path } });
  }
  const epoch = reader.metadata.buildEpoch as unknown;
  return {
    path,
    reader,
    format,
    databaseType,
    ipVersion: reader.metadata.ipVersion,
    buildEpoch: epoch instanceof Date ? epoch.getTime() / 1000 : Number(epoch),
    version,
  };
}
