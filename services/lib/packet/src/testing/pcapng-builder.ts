// Test helper: builds pcapng blocks byte by byte, in either byte order, for malformed and exotic files.

/** One pcapng option (draft-ietf-opsawg-pcapng §3.5): code and raw value, padded on output. */
export interface Option {
  code: number;
  value: Uint8Array;
}

export class PcapngBuilder {
  private readonly parts: Buffer[] = [];

  constructor(private le = true) {}

  private u32(v: number): Buffer {
    const b = Buffer.alloc(4);
    if (this.le) b.writeUInt32LE(v >>> 0);
    else b.writeUInt32BE(v >>> 0);
    return b;
  }

  private u16(v: number): Buffer {
    const b = Buffer.alloc(2);
    if (this.le) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  }

  u64(v: bigint): Uint8Array {
    const b = Buffer.alloc(8);
    if (this.le) b.writeBigInt64LE(v);
    else b.writeBigInt64BE(v);
    return b;
  }

  private options(opts: readonly Option[]): Buffer {
    if (opts.length === 0) return Buffer.alloc(0);
    const out: Buffer[] = [];
    for (const o of opts) {
      out.push(this.u16(o.code), this.u16(o.value.length), Buffer.from(o.value));
      out.push(Buffer.alloc((4 - (o.value.length % 4)) % 4));
    }
    out.push(this.u16(0), this.u16(0));
    return Buffer.concat(out);
  }

  /** Append a block with a correct framing; `lengthOverride` writes a wrong leading length. */
  block(type: number, body: Uint8Array, opts: { lengthOverride?: number; trailer?: number } = {}) {
    const pad = Buffer.alloc((4 - (body.length % 4)) % 4);
    const len = 12 + body.length + pad.length;
    this.parts.push(
      this.u32(type),
      this.u32(opts.lengthOverride ?? len),
      Buffer.from(body),
      pad,
      this.u32(opts.trailer ?? len),
    );
    return this;
  }

  /** §4.1 SHB; switches this builder's byte order for the section. */
  shb(le = this.le, major = 1) {
    this.le = le;
    const body = Buffer.concat([
      this.u32(0x1a2b3c4d),
      this.u16(major),
      this.u16(0),
      Buffer.from(this.u64(-1n)),
    ]);
    return this.block(0x0a0d0d0a, body);
  }

  /** §4.2 IDB. */
  idb(linktype: number, snaplen = 0, opts: readonly Option[] = []) {
    const body = Buffer.concat([
      this.u16(linktype),
      this.u16(0),
      this.u32(snaplen),
      this.options(opts),
    ]);
    return this.block(1, body);
  }

  /** §4.3 EPB with a raw 64-bit timestamp in the interface's units. */
  epb(ifId: number, ts: bigint, data: Uint8Array, origlen = data.length, caplen = data.length) {
    const body = Buffer.concat([
      this.u32(ifId),
      this.u32(Number(ts >> 32n)),
      this.u32(Number(ts & 0xffffffffn)),
      this.u32(caplen),
      this.u32(origlen),
      Buffer.from(data),
    ]);
    return this.block(6, body);
  }

  /** §4.4 SPB. */
  spb(origlen: number, data: Uint8Array) {
    return this.block(3, Buffer.concat([this.u32(origlen), Buffer.from(data)]));
  }

  /** Appendix A obsolete PB. */
  pb(ifId: number, ts: bigint, data: Uint8Array, origlen = data.length) {
    const body = Buffer.concat([
      this.u16(ifId),
      this.u16(0),
      this.u32(Number(ts >> 32n)),
      this.u32(Number(ts & 0xffffffffn)),
      this.u32(data.length),
      this.u32(origlen),
      Buffer.from(data),
    ]);
    return this.block(2, body);
  }

  raw(bytes: Uint8Array) {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** if_tsresol option value (§4.2). */
export function tsresol(byte: number): Option {
  return { code: 9, value: Uint8Array.of(byte) };
}
