// Test helper: decode one frame into a fresh DecodedPacket and name the result, for readable asserts.
import { decodeErrorNames } from '../decode-error.js';
import { decodePacket } from '../decode-packet.js';
import { createDecodedPacket, type DecodedPacket } from '../decoded-packet.js';

export interface Decoded {
  /** Error name ("none" when clean). */
  err: string;
  p: DecodedPacket;
}

/** Decode `frame` placed at a non-zero offset inside a larger buffer, so absolute offsets are exercised. */
export function decodeFrame(frame: Uint8Array, linktype: number, lead = 7): Decoded {
  const data = new Uint8Array(lead + frame.length + 5).fill(0xee);
  data.set(frame, lead);
  const p = createDecodedPacket();
  const code = decodePacket(data, lead, frame.length, linktype, p);
  // Rebase offsets to the frame for the asserts.
  for (const key of Object.keys(p) as (keyof DecodedPacket)[]) {
    if (key.endsWith('Offset') && key !== 'fragmentOffset' && typeof p[key] === 'number' && (p[key] as number) >= 0) {
      (p as unknown as Record<string, number>)[key] = (p[key] as number) - lead;
    }
  }
  return { err: decodeErrorNames[code] ?? `unknown_${code}`, p };
}
