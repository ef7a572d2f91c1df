// Seeded fuzz inputs for the packet path: random bytes, valid frames cut short, and valid frames with bits flipped.
import { seededUint32 } from '../../seeded-random.js';
import { seedFrames } from './seed-frames.js';

const LINKTYPES = [0, 1, 1, 1, 101, 108, 113, 228, 229, 276, 147];

/** Where `FuzzInputs.next` put the input in its buffer. */
export interface FuzzInput {
  offset: number;
  caplen: number;
  linktype: number;
}

/**
 * A deterministic stream of hostile frames written into one reused buffer (no allocation per
 * input): every fourth input is random bytes on a random link type, the rest are seed frames
 * cut at a random point, bit-flipped (1–8 flips, mostly in the headers), or both.
 */
export class FuzzInputs {
  readonly buffer = new Uint8Array(4096);
  readonly input: FuzzInput = { offset: 0, caplen: 0, linktype: 0 };
  private readonly rand: () => number;
  private readonly seeds = seedFrames();
  private index = 0;

  constructor(seed: number) {
    this.rand = seededUint32(seed);
  }

  /** The next input, in `buffer` at `input.offset` (valid until the next call). */
  next(): FuzzInput {
    const { rand, buffer: buf, input } = this;
    const mode = this.index++ % 4;
    const offset = rand() & 15;
    let caplen: number;
    let linktype: number;
    if (mode === 0) {
      caplen = rand() % 160;
      for (let j = 0; j < caplen; j += 4) {
        const r = rand();
        buf[offset + j] = r;
        buf[offset + j + 1] = r >>> 8;
        buf[offset + j + 2] = r >>> 16;
        buf[offset + j + 3] = r >>> 24;
      }
      linktype = LINKTYPES[rand() % LINKTYPES.length] as number;
    } else {
      const s = this.seeds[rand() % this.seeds.length] as (typeof this.seeds)[number];
      buf.set(s.frame, offset);
      caplen = s.frame.length;
      linktype = s.linktype;
      if (mode === 1) {
        caplen = rand() % (caplen + 1);
      } else {
        const flips = 1 + (rand() & 7);
        for (let k = 0; k < flips; k++) {
          const r = rand();
          const at = offset + ((r >>> 3) % (r & 0x100 ? caplen : caplen < 96 ? caplen : 96));
          buf[at] = (buf[at] as number) ^ (1 << (r & 7));
        }
        if (mode === 3) caplen = rand() % (caplen + 1);
      }
    }
    input.offset = offset;
    input.caplen = caplen;
    input.linktype = linktype;
    return input;
  }
}
