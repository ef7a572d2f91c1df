// Writes the crafted handshakes to a pcap and lines up p0f's and netwatch's fingerprints of it, field by field.
import { PcapFileWriter } from '@netwatch/packet';
import type { SignatureDb } from '../signature.js';
import { craftedFrames, type CraftedHandshake } from './crafted-syns.js';
import { netwatchP0f } from './netwatch-p0f.js';
import { type P0fLine, runP0f } from './p0f-tool.js';

export function writeCrafted(path: string, handshakes: readonly CraftedHandshake[]): void {
  const writer = new PcapFileWriter(path);
  craftedFrames(handshakes).forEach((frame, i) => writer.write(frame, 1_750_000_000, i * 1000));
  writer.close();
}

export interface Comparison {
  readonly p0f: P0fLine[];
  readonly netwatch: P0fLine[];
}

/** Both tools over the same file, with the same database file. */
export function compareOnCapture(capture: string, dbPath: string, db: SignatureDb): Comparison {
  return { p0f: runP0f(capture, dbPath), netwatch: netwatchP0f(capture, db) };
}
