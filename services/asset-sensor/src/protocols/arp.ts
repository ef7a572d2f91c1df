// ARP (RFC 826, RFC 5227): who claims which IPv4 address, read from the decoder's ARP fields without allocating.
import type { DecodedPacket } from '@netwatch/packet';
import { be16, be32 } from './wire-text.js';

export const ArpKind = {
  REQUEST: 1,
  REPLY: 2,
  /** RFC 5227 §2.3 announcement (gratuitous ARP): sender and target IP are the same. */
  GRATUITOUS: 3,
  /** RFC 5227 §2.1.1 probe: sender IP 0.0.0.0, the sender is checking whether the target is free. */
  PROBE: 4,
} as const;

export const arpKindNames = ['', 'request', 'reply', 'gratuitous', 'probe'] as const;

/** One ARP packet's numbers, filled in place (MACs as 48-bit integers, IPv4 as unsigned 32-bit). */
export interface ArpInfo {
  kind: number;
  opcode: number;
  senderMac: number;
  senderIp: number;
  targetMac: number;
  targetIp: number;
}

export function createArpInfo(): ArpInfo {
  return { kind: 0, opcode: 0, senderMac: 0, senderIp: 0, targetMac: 0, targetIp: 0 };
}

/** The 6-byte MAC at `at` as an integer below 2^48 (exact in a double). */
export function macNumber(data: Uint8Array, at: number): number {
  return be16(data, at) * 0x1_0000_0000 + be32(data, at + 2);
}

/**
 * Reads the ARP fields the decoder located into `out`. Returns '' or why the packet is not an
 * Ethernet/IPv4 ARP request or reply (RFC 826: hardware type 1, protocol 0x0800, lengths 6 and 4).
 */
export function readArp(data: Uint8Array, packet: DecodedPacket, out: ArpInfo): string {
  if (packet.arpHwType !== 1 || packet.arpProtoType !== 0x0800 || packet.arpHwLength !== 6 ||
    packet.arpProtoLength !== 4) return 'unsupported_type';
  if (packet.arpOpcode !== 1 && packet.arpOpcode !== 2) return 'bad_opcode';
  out.opcode = packet.arpOpcode;
  out.senderMac = macNumber(data, packet.arpSenderHwOffset);
  out.senderIp = be32(data, packet.arpSenderProtoOffset);
  out.targetMac = macNumber(data, packet.arpTargetHwOffset);
  out.targetIp = be32(data, packet.arpTargetProtoOffset);
  if (out.senderIp === 0) out.kind = ArpKind.PROBE;
  else if (out.senderIp === out.targetIp) out.kind = ArpKind.GRATUITOUS;
  else out.kind = out.opcode === 1 ? ArpKind.REQUEST : ArpKind.REPLY;
  return '';
}

/** Text forms, for events (off the per-packet path). */
export function macNumberText(mac: number): string {
  const hi = Math.floor(mac / 0x1_0000_0000);
  const lo = mac >>> 0;
  const hex = (hi.toString(16).padStart(4, '0') + lo.toString(16).padStart(8, '0'));
  return hex.replace(/(..)(?!$)/g, '$1:');
}

export function ipv4NumberText(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 0xff}.${(ip >>> 8) & 0xff}.${ip & 0xff}`;
}
