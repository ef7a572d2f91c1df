// Turns one flow's columns into a netwatch.flow.v1 event (allocates: runs once per export, never per packet).
import {
  communityIdFromBytes,
  type FlowEvent,
  formatIp,
  tcpFlagsToNames,
  uuidv7,
} from '@netwatch/schemas';
import { isoTime } from '@netwatch/packet/iso-time';
import { KEY_ADDR_A, KEY_ADDR_B, KEY_PORTS } from './flow-key.js';
import { F32, F64, S16, S32, S64, S8, U16, U32, U8 } from './flow-record.js';
import type { FlowStore } from './flow-store.js';
import { l7Names } from './l7-ports.js';
import { connState, historyString, TcpState } from './tcp-tracker.js';

export type ExportReason = 'active_timeout' | 'idle_timeout' | 'end' | 'evicted';

/** What the exporter needs besides the columns. */
export interface ExportContext {
  readonly observer: string;
  /** The table's time base: flow times are nanoseconds since this second. */
  readonly baseSec: number;
  readonly communityIdSeed: number;
  readonly serialPrefix: string;
  readonly interfaceNames: readonly string[];
}

/** IANA keyword of an IP protocol number, as ECS network.transport wants it. */
const transportNames: Record<number, string> = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'ipv6-icmp', 132: 'sctp', 47: 'gre',
  50: 'esp', 51: 'ah', 2: 'igmp', 89: 'ospf', 112: 'vrrp', 103: 'pim' };

const direction = ['external', 'outbound', 'inbound', 'internal'] as const;

function addressBytes(store: FlowStore, flow: number, at: number, version: number): Uint8Array {
  const bytes = new Uint8Array(version === 4 ? 4 : 16);
  const base = flow * S32 + U32.KEY + at;
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = ((store.u32[base + (i >> 2)] as number) >>> (24 - 8 * (i & 3))) & 0xff;
  }
  return bytes;
}

const HEX_UPPER = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());

/** ECS MAC text (`02-00-5E-10-00-01`) of the six bytes at `at`. */
function macText(store: FlowStore, at: number): string {
  const b = store.u8;
  return `${HEX_UPPER[b[at] as number]}-${HEX_UPPER[b[at + 1] as number]}-${HEX_UPPER[b[at + 2] as number]}-` +
    `${HEX_UPPER[b[at + 3] as number]}-${HEX_UPPER[b[at + 4] as number]}-${HEX_UPPER[b[at + 5] as number]}`;
}

/** The flow as a netwatch.flow.v1 event; `nowNs` is the table clock (end of an active-timeout update). */
export function buildFlowEvent(store: FlowStore, flow: number, reason: ExportReason, ctx: ExportContext): FlowEvent {
  const { u8, u16, u32, f32, f64 } = store;
  const b8 = flow * S8;
  const b16 = flow * S16;
  const b32 = flow * S32;
  const b64 = flow * S64;
  const w0 = u32[b32 + U32.KEY] as number;
  const proto = w0 & 0xff;
  const version = (w0 >>> 8) & 0xf;
  const vlan = ((w0 >>> 16) & 0x1fff) - 1;
  const clientIsA = u8[b8 + U8.CLIENT_IS_A] === 1;
  const ports = u32[b32 + U32.KEY + KEY_PORTS] as number;
  const clientPort = clientIsA ? ports >>> 16 : ports & 0xffff;
  const serverPort = clientIsA ? ports & 0xffff : ports >>> 16;
  const client = addressBytes(store, flow, clientIsA ? KEY_ADDR_A : KEY_ADDR_B, version);
  const server = addressBytes(store, flow, clientIsA ? KEY_ADDR_B : KEY_ADDR_A, version);
  const clientIp = formatIp(client);
  const serverIp = formatIp(server);
  const isIcmp = proto === 1 || proto === 58;
  const hasPorts = proto === 6 || proto === 17 || proto === 132;
  const icmp = u16[b16 + U16.ICMP] as number;
  const cPackets = u32[b32 + U32.PACKETS] as number;
  const sPackets = u32[b32 + U32.PACKETS + 1] as number;
  const cBytes = f64[b64 + F64.BYTES] as number;
  const sBytes = f64[b64 + F64.BYTES + 1] as number;
  const first = f64[b64 + F64.FIRST] as number;
  const last = f64[b64 + F64.LAST] as number;
  const isTcp = proto === 6;
  const cFlags = u16[b16 + U16.TCP_FLAGS] as number;
  const sFlags = u16[b16 + U16.TCP_FLAGS + 1] as number;
  const l7 = u8[b8 + U8.L7] as number;
  const macSeen = u8[b8 + U8.MAC_SEEN] as number;
  const communityId = communityIdFromBytes(client, server, proto, isIcmp ? icmp >> 8 : clientPort,
    isIcmp ? icmp & 0xff : serverPort, ctx.communityIdSeed);
  const interfaceName = ctx.interfaceNames[u8[b8 + U8.INTERFACE] as number];
  const jitter = f32[b32 + F32.JITTER] as number;
  const ended = reason !== 'active_timeout';
  const state = u8[b8 + U8.TCP_STATE] as number;

  const details: FlowEvent['netwatch']['flow'] = {
    id: `${ctx.serialPrefix}${(f64[b64 + F64.SERIAL] as number).toString(36)}`,
    state: connState(isTcp, cFlags, sFlags, cPackets, sPackets) as FlowEvent['netwatch']['flow']['state'],
    export_reason: reason,
    min_ttl: u8[b8 + U8.MIN_TTL] as number,
  };
  // Optional members are assigned only when present (no spreads: this runs once per record).
  if (isTcp) {
    details.history = historyString(store, flow);
    details.tcp = {
      flags_client: cFlags & 0xff,
      flags_server: sFlags & 0xff,
      flags_client_names: tcpFlagsToNames(cFlags & 0xff),
      flags_server_names: tcpFlagsToNames(sFlags & 0xff),
      retransmits_client: u32[b32 + U32.RETRANSMITS] as number,
      retransmits_server: u32[b32 + U32.RETRANSMITS + 1] as number,
      out_of_order_client: u32[b32 + U32.OUT_OF_ORDER] as number,
      out_of_order_server: u32[b32 + U32.OUT_OF_ORDER + 1] as number,
      zero_windows: u32[b32 + U32.ZERO_WINDOWS] as number,
    };
    if (state === TcpState.ESTABLISHED) {
      details.tcp.handshake_rtt_ns = Math.max(0, Math.round(f64[b64 + F64.SYN_OR_RTT] as number));
    }
  }
  if (l7 !== 0) details.service_source = u8[b8 + U8.L7_SOURCE] === 2 ? 'payload' : 'port';
  if (isIcmp) details.icmp = { type: icmp >> 8, code: icmp & 0xff };
  if (cPackets >= 3) details.jitter_ns = Math.round(jitter);

  const source: FlowEvent['source'] = { ip: clientIp, bytes: cBytes, packets: cPackets };
  const destination: FlowEvent['destination'] = { ip: serverIp, bytes: sBytes, packets: sPackets };
  if (hasPorts) {
    source.port = clientPort;
    destination.port = serverPort;
  }
  if (macSeen & 1) source.mac = macText(store, b8 + U8.MACS);
  if (macSeen & 2) destination.mac = macText(store, b8 + U8.MACS + 6);

  const network: FlowEvent['network'] = {
    transport: transportNames[proto] ?? String(proto),
    iana_number: String(proto),
    direction: direction[u8[b8 + U8.HOME] as number] as (typeof direction)[number],
    community_id: communityId,
    bytes: cBytes + sBytes,
    packets: cPackets + sPackets,
    type: version === 4 ? 'ipv4' : 'ipv6',
  };
  if (l7 !== 0) network.protocol = l7Names[l7];
  if (vlan >= 0) network.vlan = { id: String(vlan) };

  const observer: FlowEvent['observer'] = { hostname: ctx.observer, type: 'sensor', vendor: 'netwatch',
    product: 'netwatch' };
  if (interfaceName !== undefined) observer.ingress = { interface: { name: interfaceName } };

  const end = isoTime(ctx.baseSec, last);
  return {
    '@timestamp': end,
    event: {
      id: uuidv7(),
      kind: 'event',
      category: ['network'],
      type: ended ? ['connection', 'end'] : ['connection', 'info'],
      dataset: 'netwatch.flow',
      module: 'netwatch',
      created: new Date().toISOString(),
      start: isoTime(ctx.baseSec, first),
      end,
      duration: Math.max(0, Math.round(last - first)),
    },
    netwatch: { schema: 'flow', schema_version: 1, flow: details },
    observer,
    source,
    destination,
    network,
    related: { ip: clientIp === serverIp ? [clientIp] : [clientIp, serverIp] },
  };
}
