// DHCP/BOOTP (RFC 2131, options RFC 2132): who the client is, what it asked for, what the server gave it.
import { type Parsed, parsed, refused } from './parse-result.js';
import { be32, hexColons, ipv4Text, wireTextNoNul } from './wire-text.js';

/** RFC 2131 §2: op … file is 236 bytes, then the 4-byte magic cookie 99.130.83.99 (RFC 2132 §2). */
const FIXED_LEN = 236;
const MAGIC = 0x63825363;
const SNAME_AT = 44;
const SNAME_LEN = 64;
const FILE_AT = 108;
const FILE_LEN = 128;

/** RFC 2132 §9.6 message types, with RFC 3203/4388/6926 additions. */
export const dhcpMessageTypeNames: Readonly<Record<number, string>> = {
  1: 'DISCOVER', 2: 'OFFER', 3: 'REQUEST', 4: 'DECLINE', 5: 'ACK', 6: 'NAK', 7: 'RELEASE', 8: 'INFORM',
  9: 'FORCERENEW', 10: 'LEASEQUERY', 11: 'LEASEUNASSIGNED', 12: 'LEASEUNKNOWN', 13: 'LEASEACTIVE',
};

const Option = {
  PAD: 0,
  HOSTNAME: 12,
  DOMAIN_NAME: 15,
  REQUESTED_IP: 50,
  LEASE_TIME: 51,
  OVERLOAD: 52,
  MESSAGE_TYPE: 53,
  SERVER_ID: 54,
  PARAMETER_REQUEST_LIST: 55,
  VENDOR_CLASS: 60,
  CLIENT_ID: 61,
  END: 255,
} as const;

export interface DhcpMessage {
  /** 1 BOOTREQUEST, 2 BOOTREPLY. */
  readonly op: number;
  readonly xid: number;
  /** chaddr as a MAC when htype is Ethernet (1) and hlen 6. */
  readonly clientMac: string | undefined;
  readonly clientIp: string;
  /** yiaddr: the address the server assigns (OFFER/ACK). */
  readonly yourIp: string;
  readonly relayIp: string;
  readonly messageType: number | undefined;
  readonly hostname: string | undefined;
  readonly domainName: string | undefined;
  readonly vendorClass: string | undefined;
  /** Option 55 in order: the classic DHCP client fingerprint. */
  readonly parameterRequestList: readonly number[] | undefined;
  readonly requestedIp: string | undefined;
  readonly serverId: string | undefined;
  /** Option 61 as hex, type byte first. */
  readonly clientId: string | undefined;
  readonly leaseTimeSec: number | undefined;
}

interface Options {
  messageType?: number;
  hostname?: string;
  domainName?: string;
  vendorClass?: string;
  parameterRequestList?: number[];
  requestedIp?: string;
  serverId?: string;
  clientId?: string;
  leaseTimeSec?: number;
  overload: number;
}

/** Options whose length RFC 2132 fixes (§9.1, §9.2, §9.3, §9.6, §9.7). */
const fixedLength: Readonly<Record<number, number>> = {
  [Option.REQUESTED_IP]: 4,
  [Option.LEASE_TIME]: 4,
  [Option.OVERLOAD]: 1,
  [Option.MESSAGE_TYPE]: 1,
  [Option.SERVER_ID]: 4,
};

/**
 * Walks one option area `data[start, end)` into `out` (RFC 2132 §2: code, length, value; PAD and
 * END have no length). Each step consumes at least one byte, so it ends. Returns a reason on error.
 */
function readOptions(data: Uint8Array, start: number, end: number, out: Options): string | undefined {
  let p = start;
  while (p < end) {
    const code = data[p] as number;
    if (code === Option.END) return undefined;
    if (code === Option.PAD) {
      p++;
      continue;
    }
    if (p + 2 > end) return 'option_truncated';
    const length = data[p + 1] as number;
    const v = p + 2;
    if (v + length > end) return 'option_truncated';
    const fixed = fixedLength[code];
    if (fixed !== undefined && length !== fixed) return 'bad_option_length';
    switch (code) {
      case Option.MESSAGE_TYPE:
        out.messageType = data[v] as number;
        break;
      case Option.HOSTNAME:
        out.hostname = wireTextNoNul(data, v, v + length);
        break;
      case Option.DOMAIN_NAME:
        out.domainName = wireTextNoNul(data, v, v + length);
        break;
      case Option.VENDOR_CLASS:
        out.vendorClass = wireTextNoNul(data, v, v + length);
        break;
      case Option.PARAMETER_REQUEST_LIST:
        out.parameterRequestList = Array.from(data.subarray(v, v + length));
        break;
      case Option.REQUESTED_IP:
        out.requestedIp = ipv4Text(data, v);
        break;
      case Option.SERVER_ID:
        out.serverId = ipv4Text(data, v);
        break;
      case Option.CLIENT_ID:
        out.clientId = hexColons(data, v, v + length);
        break;
      case Option.LEASE_TIME:
        out.leaseTimeSec = be32(data, v);
        break;
      case Option.OVERLOAD:
        out.overload = data[v] as number;
        break;
      default: break;
    }
    p = v + length;
  }
  // RFC 2131 §4.1 wants an END option, but clients that stop at the end of the datagram are common
  // and every server accepts them, so the missing END is tolerated.
  return undefined;
}

/** Parses the BOOTP/DHCP message in the UDP payload `data[offset, offset + length)`. */
export function parseDhcp(data: Uint8Array, offset: number, length: number): Parsed<DhcpMessage> {
  const end = offset + length;
  if (length < FIXED_LEN + 4) return refused('truncated');
  const op = data[offset] as number;
  if (op !== 1 && op !== 2) return refused('bad_op');
  if (be32(data, offset + FIXED_LEN) !== MAGIC) return refused('bad_magic');
  const htype = data[offset + 1] as number;
  const hlen = data[offset + 2] as number;
  const options: Options = { overload: 0 };
  let problem = readOptions(data, offset + FIXED_LEN + 4, end, options);
  // RFC 2132 §9.3: option 52 moves more options into `file` (1), `sname` (2) or both (3), read in
  // that order after the options field (RFC 2131 §4.1).
  if (problem === undefined && (options.overload & 1) !== 0) {
    problem = readOptions(data, offset + FILE_AT, offset + FILE_AT + FILE_LEN, options);
  }
  if (problem === undefined && (options.overload & 2) !== 0) {
    problem = readOptions(data, offset + SNAME_AT, offset + SNAME_AT + SNAME_LEN, options);
  }
  if (problem !== undefined) return refused(problem);
  if (options.overload > 3) return refused('bad_overload');
  return parsed({
    op,
    xid: be32(data, offset + 4),
    clientMac: htype === 1 && hlen === 6 ? hexColons(data, offset + 28, offset + 34) : undefined,
    clientIp: ipv4Text(data, offset + 12),
    yourIp: ipv4Text(data, offset + 16),
    relayIp: ipv4Text(data, offset + 24),
    messageType: options.messageType,
    hostname: options.hostname,
    domainName: options.domainName,
    vendorClass: options.vendorClass,
    parameterRequestList: options.parameterRequestList,
    requestedIp: options.requestedIp,
    serverId: options.serverId,
    clientId: options.clientId,
    leaseTimeSec: options.leaseTimeSec,
  });
}
