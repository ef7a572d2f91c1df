// Test helper: builds frames with the packet package's frame builder and feeds them through a FlowTable.
import { createDecodedPacket, decodePacket, type PacketView } from '@netwatch/packet';
import * as fb from '@netwatch/packet/decode/testing/frame-builder';
import { type FlowEvent, strictParse, topics } from '@netwatch/schemas';
import { defaultFlowConfig, type FlowConfig } from '../flow-config.js';
import { FlowTable } from '../flow-table.js';

export { fb };

export const T0 = 1_750_000_000;

/** One frame at a time offset in seconds from T0. */
export interface TimedFrame {
  readonly at: number;
  readonly frame: Uint8Array;
}

export interface TcpSegment {
  readonly at: number;
  /** true: client → server. */
  readonly fromClient: boolean;
  readonly flags: number;
  readonly seq?: number;
  readonly ack?: number;
  readonly payload?: Uint8Array;
  readonly window?: number;
}

export const CLIENT = '192.168.1.10';
export const SERVER = '93.184.216.34';

/** An Ethernet/IPv4/TCP frame between `client`:cport and `server`:sport in the direction given. */
export function tcpFrame(s: TcpSegment, client = CLIENT, server = SERVER, cport = 51000, sport = 80): Uint8Array {
  const [src, dst, from, to] = s.fromClient ? [client, server, cport, sport] : [server, client, sport, cport];
  const [srcMac, dstMac] = s.fromClient ? [fb.MAC_A, fb.MAC_B] : [fb.MAC_B, fb.MAC_A];
  const segment = fb.tcp({ sport: from, dport: to, flags: s.flags, seq: s.seq ?? 0, ack: s.ack ?? 0,
    window: s.window ?? 65535 }, s.payload ?? new Uint8Array(0));
  return fb.ethernet(0x0800, fb.ipv4({ src, dst, protocol: 6 }, segment), dstMac, srcMac);
}

export function udpFrame(src: string, dst: string, sport: number, dport: number, payload: Uint8Array): Uint8Array {
  return fb.ethernet(0x0800, fb.ipv4({ src, dst, protocol: 17 }, fb.udp(sport, dport, payload)));
}

export const SYN = 0x02;
export const ACK = 0x10;
export const PSH_ACK = 0x18;
export const FIN_ACK = 0x11;
export const RST = 0x04;
export const SYN_ACK = 0x12;

/** A complete HTTP exchange: handshake, request, response, FIN both ways (10 packets). */
export function httpConversation(start = 0, client = CLIENT, cport = 51000): TimedFrame[] {
  const request = new TextEncoder().encode('GET / HTTP/1.1\r\nHost: example.com\r\n\r\n');
  const response = new TextEncoder().encode('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  const segments: TcpSegment[] = [
    { at: 0, fromClient: true, flags: SYN, seq: 1000 },
    { at: 0.02, fromClient: false, flags: SYN_ACK, seq: 5000, ack: 1001 },
    { at: 0.04, fromClient: true, flags: ACK, seq: 1001, ack: 5001 },
    { at: 0.05, fromClient: true, flags: PSH_ACK, seq: 1001, ack: 5001, payload: request },
    { at: 0.07, fromClient: false, flags: ACK, seq: 5001, ack: 1001 + request.length },
    { at: 0.08, fromClient: false, flags: PSH_ACK, seq: 5001, ack: 1001 + request.length, payload: response },
    { at: 0.09, fromClient: true, flags: ACK, seq: 1001 + request.length, ack: 5001 + response.length },
    { at: 0.1, fromClient: true, flags: FIN_ACK, seq: 1001 + request.length, ack: 5001 + response.length },
    { at: 0.12, fromClient: false, flags: FIN_ACK, seq: 5001 + response.length, ack: 1002 + request.length },
    { at: 0.13, fromClient: true, flags: ACK, seq: 1002 + request.length, ack: 5002 + response.length },
  ];
  return segments.map((s) => ({ at: start + s.at, frame: tcpFrame(s, client, SERVER, cport) }));
}

/** Runs frames (sorted by time) through a fresh table; `advanceEvery` calls advance like the loop does. */
export function runFrames(frames: readonly TimedFrame[], config: Partial<FlowConfig> = {}, finish = true) {
  const flows: FlowEvent[] = [];
  const table = new FlowTable({ ...defaultFlowConfig, ...config }, (flow) => {
    // Every record must pass the topic's schema strictly, as producers promise.
    strictParse(topics.flow.schema, flow);
    flows.push(flow);
  });
  const decoded = createDecodedPacket();
  const view: PacketView = { data: Buffer.alloc(0), offset: 0, caplen: 0, origlen: 0, tsSec: 0, tsNsec: 0,
    linktype: 1, interfaceIndex: 0 };
  for (const { at, frame } of frames) {
    view.data = Buffer.from(frame);
    view.caplen = view.origlen = frame.length;
    const whole = Math.floor(at);
    view.tsSec = T0 + whole;
    view.tsNsec = Math.round((at - whole) * 1e9);
    table.advance(view.tsSec);
    table.onPacket(view, decoded, decodePacket(view.data, 0, view.caplen, 1, decoded));
  }
  if (finish) table.finish();
  return { flows, table };
}
