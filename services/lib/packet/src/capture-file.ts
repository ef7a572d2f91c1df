// Opens a pcap or pcapng file and returns a chunked, allocation-free sequential packet reader.
import { closeSync, fstatSync, openSync } from 'node:fs';
import { CaptureFileError } from './capture-file-error.js';
import type {
  CaptureFileReader,
  CaptureFileStats,
  OpenCaptureFileOptions,
} from './capture-types.js';
import { FileChunks } from './file-chunks.js';
import { createPacketView, type PacketView } from './packet-view.js';
import { PCAP_HEADER_LEN, PcapReader, parsePcapHeader } from './pcap-reader.js';
import {
  PCAPNG_BYTE_ORDER_MAGIC,
  PCAPNG_SHB_MIN_LEN,
  PCAPNG_SHB_TYPE,
  PcapngReader,
} from './pcapng-reader.js';

export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;
const MIN_CHUNK_SIZE = 64;

/** First four bytes of every file we accept, as written in either byte order. */
const MAGICS: readonly (readonly number[])[] = [
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0x3c, 0x4d],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0x0a, 0x0d, 0x0d, 0x0a],
];

/**
 * Open a pcap (µs or ns, either byte order) or pcapng file for sequential reading.
 * Throws CaptureFileError when the file cannot be read at all; damage further in is
 * counted in `reader.stats.errors` instead.
 */
export function openCaptureFile(
  path: string,
  options: OpenCaptureFileOptions = {},
): CaptureFileReader {
  const chunkSize = Math.max(MIN_CHUNK_SIZE, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw openError(path, err);
  }
  try {
    return openReader(path, fd, chunkSize);
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

function openReader(path: string, fd: number, chunkSize: number): CaptureFileReader {
  if (fstatSync(fd).isDirectory()) {
    throw new CaptureFileError('is_directory', path, 'is a directory, not a capture file');
  }
  const src = new FileChunks(fd, chunkSize, 0);
  if (!src.peek(4)) {
    if (src.ioError !== undefined) throw readError(path, src.ioError);
    const have = src.buffered;
    if (have === 0) throw new CaptureFileError('empty', path, 'file is empty');
    const head = [...src.data.subarray(0, have)];
    if (MAGICS.some((m) => head.every((byte, i) => m[i] === byte))) {
      throw new CaptureFileError('truncated_header', path, `file ends after ${have} bytes`);
    }
    throw badMagic(path, head);
  }
  const b = src.data;
  const o = src.at;
  if (b.readUInt32BE(o) === PCAPNG_SHB_TYPE) {
    // draft-ietf-opsawg-pcapng §4.1: the file starts with an SHB of at least 28 bytes.
    if (!src.peek(PCAPNG_SHB_MIN_LEN)) {
      if (src.ioError !== undefined) throw readError(path, src.ioError);
      throw new CaptureFileError(
        'truncated_header',
        path,
        `pcapng section header block cut short at ${src.buffered} bytes`,
      );
    }
    const bom = src.data.readUInt32LE(src.at + 8);
    if (
      bom !== PCAPNG_BYTE_ORDER_MAGIC &&
      src.data.readUInt32BE(src.at + 8) !== PCAPNG_BYTE_ORDER_MAGIC
    ) {
      throw new CaptureFileError(
        'bad_magic',
        path,
        'not a pcap or pcapng file (pcapng block type but no byte-order magic)',
      );
    }
    return new PcapngReader(path, fd, src);
  }
  const header = parsePcapHeader(b, o);
  if (header === undefined) throw badMagic(path, [...b.subarray(o, o + 4)]);
  if (!src.take(PCAP_HEADER_LEN)) {
    if (src.ioError !== undefined) throw readError(path, src.ioError);
    throw new CaptureFileError(
      'truncated_header',
      path,
      `pcap file header cut short at ${src.buffered} of ${PCAP_HEADER_LEN} bytes`,
    );
  }
  return new PcapReader(path, fd, src, header);
}

/**
 * Call `fn` for every packet of a capture file, synchronously; `fn` may return false to
 * stop early. The view is reused: copy what you keep. Returns the reader's statistics.
 */
export function forEachPacket(
  path: string,
  fn: (view: PacketView) => boolean | undefined,
  options?: OpenCaptureFileOptions,
): CaptureFileStats {
  const reader = openCaptureFile(path, options);
  const view = createPacketView();
  try {
    while (reader.next(view)) {
      if (fn(view) === false) break;
    }
  } finally {
    reader.close();
  }
  return reader.stats;
}

function badMagic(path: string, head: readonly number[]): CaptureFileError {
  const hex = head.map((x) => x.toString(16).padStart(2, '0')).join('');
  return new CaptureFileError('bad_magic', path, `not a pcap or pcapng file (starts 0x${hex})`);
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string'
    ? err.code
    : undefined;
}

function openError(path: string, err: unknown): CaptureFileError {
  const code = errnoCode(err);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new CaptureFileError('not_found', path, 'no such file', err);
  }
  if (code === 'EISDIR') {
    return new CaptureFileError('is_directory', path, 'is a directory, not a capture file', err);
  }
  return new CaptureFileError('not_readable', path, `cannot open (${code ?? String(err)})`, err);
}

function readError(path: string, err: unknown): CaptureFileError {
  const code = errnoCode(err);
  if (code === 'EISDIR') {
    return new CaptureFileError('is_directory', path, 'is a directory, not a capture file', err);
  }
  return new CaptureFileError('not_readable', path, `cannot read (${code ?? String(err)})`, err);
}
