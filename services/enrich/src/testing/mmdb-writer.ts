// A small MaxMind DB writer for tests: builds .mmdb files (search tree, data section, metadata) from prefixes and values.
// Format: MaxMind DB File Format Specification 2.0, https://maxmind.github.io/MaxMind-DB/

/** A value the writer can store. Whole numbers become uint32 (or uint64 above 2³²−1), other numbers doubles. */
export type MmdbValue = string | number | bigint | boolean | MmdbValue[] | { [key: string]: MmdbValue };

export interface MmdbEntry {
  /** `a.b.c.d/len` or `x:y::/len`; IPv4 prefixes go under ::/96 in an IPv6 tree (spec "IPv4 addresses in an IPv6 tree"). */
  readonly prefix: string;
  readonly value: MmdbValue;
}

export interface MmdbOptions {
  readonly databaseType: string;
  readonly ipVersion?: 4 | 6;
  /** Bits per search-tree record: 24 or 32 (28 is valid too but not written here). */
  readonly recordSize?: 24 | 32;
  readonly languages?: string[];
  readonly description?: Record<string, string>;
  readonly buildEpoch?: number;
}

/** A record pointing at data: one per inserted entry, so equal values in two entries are written once each. */
class DataRef {
  constructor(readonly value: MmdbValue) {}
}

type Child = TreeNode | DataRef | null;

class TreeNode {
  constructor(public left: Child = null, public right: Child = null) {}
}

/** The bits of a prefix, most significant first, for a tree of `treeBits` (32 or 128). */
function prefixBits(prefix: string, treeBits: number): number[] {
  const [address = '', lengthText] = prefix.split('/');
  let bytes: number[];
  if (address.includes(':')) {
    const [head = '', tail] = address.split('::');
    const groups = (s: string | undefined) => (s ? s.split(':').map((g) => Number.parseInt(g, 16)) : []);
    const h = groups(head);
    const t = groups(tail);
    const all = tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
    bytes = all.flatMap((g) => [g >> 8, g & 0xff]);
  } else {
    bytes = address.split('.').map(Number);
  }
  const isV4 = bytes.length === 4;
  const length = Number(lengthText ?? (isV4 ? 32 : 128));
  if (isV4 && treeBits === 128) bytes = [...Array<number>(12).fill(0), ...bytes];
  if (!isV4 && treeBits === 32) throw new Error(`IPv6 prefix ${prefix} in an IPv4 tree`);
  const offset = isV4 && treeBits === 128 ? 96 : 0;
  const bits: number[] = [];
  for (let i = 0; i < offset + length; i++) bits.push(((bytes[i >> 3] ?? 0) >> (7 - (i & 7))) & 1);
  return bits;
}

function insert(root: TreeNode, bits: number[], value: MmdbValue): void {
  let node = root;
  for (let depth = 0; depth < bits.length - 1; depth++) {
    const side = bits[depth] === 1 ? 'right' : 'left';
    let child = node[side];
    // A more specific prefix inside one that already has data: push the data down a level.
    if (!(child instanceof TreeNode)) {
      child = new TreeNode(child, child);
      node[side] = child;
    }
    node = child;
  }
  node[bits[bits.length - 1] === 1 ? 'right' : 'left'] = new DataRef(value);
}

/** The data section's encoding of one value (spec "Output Data Section"). */
class DataEncoder {
  readonly chunks: Buffer[] = [];
  length = 0;

  private push(buf: Buffer): void {
    this.chunks.push(buf);
    this.length += buf.length;
  }

  /** Control byte(s): type in the top 3 bits (extended types 8+ in a second byte), then the size. */
  private control(type: number, size: number): void {
    const bytes: number[] = [];
    let sizeBits: number;
    const extra: number[] = [];
    if (size < 29) sizeBits = size;
    else if (size < 285) {
      sizeBits = 29;
      extra.push(size - 29);
    } else if (size < 65_821) {
      sizeBits = 30;
      const v = size - 285;
      extra.push(v >> 8, v & 0xff);
    } else {
      sizeBits = 31;
      const v = size - 65_821;
      extra.push((v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
    }
    if (type <= 7) bytes.push((type << 5) | sizeBits);
    else bytes.push(sizeBits, type - 7);
    this.push(Buffer.from([...bytes, ...extra]));
  }

  private unsigned(type: number, value: bigint): void {
    const bytes: number[] = [];
    for (let v = value; v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
    this.control(type, bytes.length);
    this.push(Buffer.from(bytes));
  }

  write(value: MmdbValue): void {
    if (typeof value === 'string') {
      const bytes = Buffer.from(value, 'utf8');
      this.control(2, bytes.length);
      this.push(bytes);
    } else if (typeof value === 'bigint') {
      this.unsigned(9, value);
    } else if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) {
        this.unsigned(6, BigInt(value));
      } else {
        const buf = Buffer.alloc(8);
        buf.writeDoubleBE(value);
        this.control(3, 8);
        this.push(buf);
      }
    } else if (typeof value === 'boolean') {
      this.control(14, value ? 1 : 0);
    } else if (Array.isArray(value)) {
      this.control(11, value.length);
      for (const item of value) this.write(item);
    } else {
      const entries = Object.entries(value);
      this.control(7, entries.length);
      for (const [key, item] of entries) {
        this.write(key);
        this.write(item);
      }
    }
  }

  /** The control byte of a map of `pairs` key/value pairs; the pairs are written after it. */
  mapHeader(pairs: number): void {
    this.control(7, pairs);
  }

  /** A uint16 (type 5), which the metadata's record_size, ip_version and version fields use. */
  writeUint16(value: number): void {
    this.unsigned(5, BigInt(value));
  }
}

/** Builds a MaxMind DB file holding `entries` (later entries win where prefixes overlap exactly). */
export function buildMmdb(entries: readonly MmdbEntry[], options: MmdbOptions): Buffer {
  const ipVersion = options.ipVersion ?? 6;
  const treeBits = ipVersion === 6 ? 128 : 32;
  const recordSize = options.recordSize ?? 24;
  const root = new TreeNode();
  for (const entry of entries) insert(root, prefixBits(entry.prefix, treeBits), entry.value);

  // Number the nodes breadth first; the root is node 0.
  const nodes: TreeNode[] = [root];
  const numbers = new Map<TreeNode, number>([[root, 0]]);
  for (let i = 0; i < nodes.length; i++) {
    for (const child of [nodes[i]?.left, nodes[i]?.right]) {
      if (child instanceof TreeNode) {
        numbers.set(child, nodes.length);
        nodes.push(child);
      }
    }
  }
  const nodeCount = nodes.length;

  // Each distinct value object is written once; records point at its offset in the data section.
  const data = new DataEncoder();
  const offsets = new Map<DataRef, number>();
  const recordOf = (child: Child): number => {
    if (child === null) return nodeCount; // "no data" (spec: a record equal to node_count)
    if (child instanceof TreeNode) return numbers.get(child) as number;
    let offset = offsets.get(child);
    if (offset === undefined) {
      offset = data.length;
      offsets.set(child, offset);
      data.write(child.value);
    }
    // Spec: data section offset = record − node_count − 16 (the separator).
    return nodeCount + 16 + offset;
  };
  const nodeBytes = (recordSize * 2) / 8;
  const tree = Buffer.alloc(nodeCount * nodeBytes);
  nodes.forEach((node, i) => {
    const left = recordOf(node.left);
    const right = recordOf(node.right);
    const at = i * nodeBytes;
    if (recordSize === 24) {
      tree.writeUIntBE(left, at, 3);
      tree.writeUIntBE(right, at + 3, 3);
    } else {
      tree.writeUInt32BE(left, at);
      tree.writeUInt32BE(right, at + 4);
    }
  });

  const meta = new DataEncoder();
  const fields: [string, (m: DataEncoder) => void][] = [
    ['node_count', (m) => m.write(nodeCount)],
    ['record_size', (m) => m.writeUint16(recordSize)],
    ['ip_version', (m) => m.writeUint16(ipVersion)],
    ['database_type', (m) => m.write(options.databaseType)],
    ['languages', (m) => m.write(options.languages ?? ['en'])],
    ['binary_format_major_version', (m) => m.writeUint16(2)],
    ['binary_format_minor_version', (m) => m.writeUint16(0)],
    ['build_epoch', (m) => m.write(BigInt(options.buildEpoch ?? 1_750_000_000))],
    ['description', (m) => m.write(options.description ?? { en: 'netwatch test database' })],
  ];
  meta.mapHeader(fields.length);
  for (const [key, writeValue] of fields) {
    meta.write(key);
    writeValue(meta);
  }
  return Buffer.concat([
    tree,
    Buffer.alloc(16),
    ...data.chunks,
    Buffer.from('\xab\xcd\xefMaxMind.com', 'latin1'),
    ...meta.chunks,
  ]);
}
