// Hand-built SYNs and SYN+ACKs with the option layouts and TTLs of other stacks, and with odd quirks, as pcap frames.
import {
  bytes, concat, ethernet, ipv4, ipv6, mac, tcp, u16, u32,
} from '@netwatch/packet/decode/testing/frame-builder';

const SYN = 0x02;
const ACK = 0x10;
const MAC_CLI = mac('02:00:00:00:01:01');
const MAC_SRV = mac('02:00:00:00:02:02');

/** TCP option encoders (RFC 9293 §3.2, RFC 7323, RFC 2018). */
export const opt = {
  mss: (v: number) => concat(bytes(2, 4), u16(v)),
  ws: (shift: number) => bytes(3, 3, shift),
  sok: () => bytes(4, 2),
  ts: (val: number, ecr = 0) => concat(bytes(8, 10), u32(val), u32(ecr)),
  nop: () => bytes(1),
  eol: () => bytes(0),
  raw: (...values: number[]) => bytes(...values),
};

export interface CraftedPacket {
  /** What it imitates, for test names. */
  readonly name: string;
  readonly v6: boolean;
  readonly ttl: number;
  readonly df?: boolean;
  readonly id?: number;
  readonly window: number;
  readonly options: Uint8Array;
  readonly flags?: number;
  readonly seq?: number;
  readonly ack?: number;
  readonly payload?: Uint8Array;
  readonly flowLabel?: number;
  readonly tos?: number;
  readonly urgentPointer?: number;
  /** Set the IPv4 reserved flag bit. */
  readonly mbz?: boolean;
}

export interface CraftedHandshake {
  readonly syn: CraftedPacket;
  /** The server's answer, sent from port 80 back to the SYN's source port. */
  readonly synAck?: CraftedPacket;
}

/** Option lists padded to a multiple of 4 with EOLs, as stacks do (RFC 9293 §3.1, data offset in words). */
function pad4(options: Uint8Array): Uint8Array {
  const rest = (4 - (options.length % 4)) % 4;
  return rest === 0 ? options : concat(options, new Uint8Array(rest));
}

function frame(p: CraftedPacket, index: number, fromClient: boolean): Uint8Array {
  const clientPort = 40000 + index;
  const segment = tcp({
    sport: fromClient ? clientPort : 80,
    dport: fromClient ? 80 : clientPort,
    seq: p.seq ?? 0x10000000 + index,
    ack: p.ack ?? (fromClient ? 0 : 0x10000001 + index),
    flags: p.flags ?? (fromClient ? SYN : SYN | ACK),
    window: p.window,
    options: p.options,
  }, p.payload);
  if (p.urgentPointer !== undefined) segment.set(u16(p.urgentPointer), 18);
  const src = fromClient ? 'cli' : 'srv';
  const dst = fromClient ? 'srv' : 'cli';
  if (p.v6) {
    const addr = { cli: 'fd77:6e77:99::1', srv: 'fd77:6e77:99::2' };
    const packet = ipv6({ src: addr[src], dst: addr[dst], nextHeader: 6, hopLimit: p.ttl, flowLabel: p.flowLabel ?? 0,
      trafficClass: p.tos ?? 0 }, segment);
    return ethernet(0x86dd, packet, fromClient ? MAC_SRV : MAC_CLI, fromClient ? MAC_CLI : MAC_SRV);
  }
  const addr = { cli: '10.99.0.1', srv: '10.99.0.2' };
  const packet = ipv4({ src: addr[src], dst: addr[dst], protocol: 6, ttl: p.ttl, df: p.df ?? true, id: p.id ?? 0x3039 },
    segment);
  if (p.tos !== undefined) packet[1] = p.tos;
  if (p.mbz) packet[6] = (packet[6] ?? 0) | 0x80;
  return ethernet(0x0800, packet, fromClient ? MAC_SRV : MAC_CLI, fromClient ? MAC_CLI : MAC_SRV);
}

/** The frames of every handshake in order (SYN, then its SYN+ACK); handshake i uses client port 40000+i. */
export function craftedFrames(handshakes: readonly CraftedHandshake[]): Uint8Array[] {
  const frames: Uint8Array[] = [];
  handshakes.forEach((h, i) => {
    frames.push(frame(h.syn, i, true));
    if (h.synAck) frames.push(frame(h.synAck, i, false));
  });
  return frames;
}

const linuxSynOptions = (mss: number, shift: number) => concat(opt.mss(mss), opt.sok(), opt.ts(0x01020304), opt.nop(),
  opt.ws(shift));

/** Stacks other than this machine's Linux, and packets that exercise each matching rule. */
export const CRAFTED: readonly CraftedHandshake[] = [
  // Windows 7/8/10: MSS, NOP, WS 8, NOP, NOP, SOK; window 8192 or 64240; TTL 128.
  { syn: { name: 'Windows 7 or 8', v6: false, ttl: 128, window: 8192,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(8), opt.nop(), opt.nop(), opt.sok()) },
  synAck: { name: 'Windows server', v6: false, ttl: 128, window: 8192,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(8), opt.sok(), opt.ts(0x11111111, 0x22222222)) } },
  { syn: { name: 'Windows 10 (generic NT kernel)', v6: false, ttl: 120, window: 64240,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(8), opt.nop(), opt.nop(), opt.sok()) } },
  { syn: { name: 'Windows XP', v6: false, ttl: 113, window: 65535,
    options: concat(opt.mss(1460), opt.nop(), opt.nop(), opt.sok()) } },
  // macOS / iOS: MSS, NOP, WS, NOP, NOP, TS, SOK, EOL, EOL (eol+1); window 65535.
  { syn: { name: 'Mac OS X 10.x', v6: false, ttl: 64, window: 65535,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(3), opt.nop(), opt.nop(), opt.ts(0x3b9aca00), opt.sok(), opt.eol(),
      opt.eol()) } },
  { syn: { name: 'macOS 10.9+', v6: true, ttl: 60, window: 65535,
    options: concat(opt.mss(1440), opt.nop(), opt.ws(4), opt.nop(), opt.nop(), opt.ts(0x3b9aca00), opt.sok(), opt.eol(),
      opt.eol()) } },
  { syn: { name: 'iOS', v6: false, ttl: 52, window: 65535,
    options: concat(opt.mss(1380), opt.nop(), opt.ws(2), opt.nop(), opt.nop(), opt.ts(7), opt.sok(), opt.eol(),
      opt.eol()) } },
  // FreeBSD 9+: MSS, NOP, WS 6, SOK, TS.
  { syn: { name: 'FreeBSD 9+', v6: false, ttl: 64, window: 65535,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(6), opt.sok(), opt.ts(123456)) } },
  { syn: { name: 'OpenBSD 4.x-5.x', v6: false, ttl: 64, window: 16384,
    options: concat(opt.mss(1460), opt.nop(), opt.nop(), opt.sok(), opt.nop(), opt.ws(3), opt.nop(), opt.nop(),
      opt.ts(1)) } },
  // Old Linux: 2.6 (window 4*MSS, WS 7), 2.4 (WS 0), 2.0 (MSS only); Android (mss*44).
  { syn: { name: 'Linux 2.6.x', v6: false, ttl: 61, window: 5840,
    options: linuxSynOptions(1460, 7) },
  synAck: { name: 'Linux 2.6 server', v6: false, ttl: 64, window: 5792,
    options: concat(opt.mss(1460), opt.sok(), opt.ts(5, 9), opt.nop(), opt.ws(2)) } },
  { syn: { name: 'Linux 3.11+ client', v6: false, ttl: 57, window: 29200, options: linuxSynOptions(1460, 10) },
    synAck: { name: 'Linux 3.x server', v6: false, ttl: 50, window: 28960, df: true, id: 0,
      options: concat(opt.mss(1460), opt.sok(), opt.ts(77, 0x01020304), opt.nop(), opt.ws(7)) } },
  { syn: { name: 'Linux 2.4.x', v6: false, ttl: 64, window: 5840,
    options: concat(opt.mss(1460), opt.sok(), opt.ts(99), opt.nop(), opt.ws(0)) } },
  { syn: { name: 'Linux 2.0', v6: false, ttl: 64, window: 16384, df: false, id: 77, options: opt.mss(1460) } },
  { syn: { name: 'Android', v6: false, ttl: 64, window: 1460 * 44,
    options: concat(opt.mss(1460), opt.sok(), opt.ts(42), opt.nop(), opt.ws(1)) } },
  // Solaris 10 (mss*34), Nintendo 3DS (MSS 1360), Blackberry (no DF).
  { syn: { name: 'Solaris 10', v6: false, ttl: 64, window: 1460 * 34,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(0), opt.nop(), opt.nop(), opt.sok()) } },
  { syn: { name: 'Blackberry', v6: false, ttl: 128, window: 65535, df: false, id: 4242,
    options: concat(opt.mss(1452), opt.nop(), opt.nop(), opt.sok(), opt.nop(), opt.nop(), opt.ts(5)) } },
  // NMap SYN scan (application, random TTL): MSS 1460 only, window 1024, no DF, TTL 40.
  { syn: { name: 'NMap SYN scan', v6: false, ttl: 40, window: 1024, df: false, id: 31337, options: opt.mss(1460) },
    synAck: { name: 'answer to NMap (not fingerprinted: flow dropped)', v6: false, ttl: 64, window: 29200,
      options: opt.mss(1460) } },
  // Fuzzy: a Linux SYN without DF (quirk 'df' gone, 'id-' would be new) and one with TTL 200.
  { syn: { name: 'Linux without DF (fuzzy)', v6: false, ttl: 64, window: 29200, df: false, id: 0,
    options: linuxSynOptions(1460, 7) } },
  { syn: { name: 'Linux layout, TTL 200 (fuzzy, excess distance)', v6: false, ttl: 200, window: 64240,
    options: concat(opt.mss(1460), opt.sok(), opt.ts(1), opt.nop(), opt.ws(7)) } },
  // Quirks: ECN (IP ECT + ECE/CWR), zero seq, ack+, uptr+, urgf+, pushf+, ts1-, ts2+, opt+, exws, bad, 0+, tos.
  { syn: { name: 'ECN setup SYN', v6: false, ttl: 64, window: 64240, flags: SYN | 0x40 | 0x80, tos: 0x02,
    options: concat(opt.mss(1460), opt.sok(), opt.ts(1), opt.nop(), opt.ws(7)) } },
  { syn: { name: 'quirks seq- ack+ uptr+ pushf+', v6: false, ttl: 64, window: 1024, seq: 0, ack: 0x01000000,
    urgentPointer: 5, flags: SYN | 0x08, options: opt.mss(1460) } },
  { syn: { name: 'quirk ack+ with ack 2 (p0f tests one bit)', v6: false, ttl: 64, window: 1024, ack: 2,
    options: opt.mss(1460) } },
  { syn: { name: 'quirks urgf+ ts1- ts2+ tos', v6: false, ttl: 64, window: 512, flags: SYN | 0x20, tos: 0xb8,
    options: concat(opt.mss(1460), opt.nop(), opt.nop(), opt.ts(0, 5)) } },
  { syn: { name: 'quirk opt+ (non-zero after EOL)', v6: false, ttl: 64, window: 4096,
    options: concat(opt.mss(1460), opt.eol(), opt.raw(0, 7, 0, 0, 0, 0, 0)) } },
  { syn: { name: 'non-zero in the last EOL pad byte (p0f misses it)', v6: false, ttl: 64, window: 4096,
    options: concat(opt.mss(1460), opt.eol(), opt.raw(0, 0, 0, 0, 0, 0, 9)) } },
  { syn: { name: 'quirk exws, 0+ (reserved IP flag)', v6: false, ttl: 64, window: 8192, mbz: true,
    options: pad4(concat(opt.mss(1460), opt.nop(), opt.ws(15))) } },
  { syn: { name: 'bad: MSS length 5', v6: false, ttl: 64, window: 8192,
    options: concat(opt.raw(2, 5, 0x05, 0xb4), opt.nop(), opt.nop(), opt.nop(), opt.nop()) } },
  { syn: { name: 'bad: truncated timestamp', v6: false, ttl: 64, window: 8192,
    options: concat(opt.mss(1460), opt.raw(8, 10, 0, 0, 0, 1, 0, 0)) } },
  { syn: { name: 'bad: unknown option 0x22 length 1', v6: false, ttl: 64, window: 8192,
    options: concat(opt.mss(1460), opt.raw(0x22, 1, 0, 0)) } },
  { syn: { name: 'unknown option ?30 and SACK', v6: false, ttl: 64, window: 8192,
    options: concat(opt.mss(1460), opt.raw(30, 4, 1, 2), opt.raw(5, 10, 0, 0, 0, 1, 0, 0, 0, 2), opt.nop(),
      opt.nop()) } },
  { syn: { name: '30 NOPs (more than 24 options)', v6: false, ttl: 64, window: 8192,
    options: concat(opt.mss(1460), new Uint8Array(32).fill(1)) } },
  { syn: { name: 'payload on SYN', v6: false, ttl: 64, window: 29200, payload: bytes(1, 2, 3),
    options: concat(opt.mss(1460), opt.sok(), opt.ts(1), opt.nop(), opt.ws(7)) } },
  { syn: { name: 'IPv6 flow label, Linux layout', v6: true, ttl: 64, window: 64800, flowLabel: 0x12345,
    options: concat(opt.mss(1440), opt.sok(), opt.ts(1), opt.nop(), opt.ws(7)) } },
  { syn: { name: 'IPv6 matching a 4: signature (p0f does not check the version)', v6: true, ttl: 64, window: 1430 * 4,
    options: concat(opt.mss(1430), opt.sok(), opt.ts(1), opt.nop(), opt.ws(6)) } },
  { syn: { name: 'window multiple of MTU (OpenVMS 8)', v6: false, ttl: 128, window: 1500 * 2, df: false, id: 1,
    options: concat(opt.mss(1460), opt.nop(), opt.ws(0)) },
  synAck: { name: 'SYN+ACK window = 10 x peer MSS - 12', v6: false, ttl: 64, window: 1448 * 10,
    options: concat(opt.mss(1400), opt.nop(), opt.ws(0)) } },
];
