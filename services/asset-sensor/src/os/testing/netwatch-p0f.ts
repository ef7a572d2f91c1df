// Netwatch's fingerprints of a capture file, written in p0f's log terms so the two can be compared line by line.
import { createDecodedPacket, decodePacket, forEachPacket } from '@netwatch/packet';
import { HandshakeFingerprints } from '../handshake-fingerprints.js';
import type { SignatureDb } from '../signature.js';
import type { P0fLine } from './p0f-tool.js';

/** p0f prints IPv6 addresses as eight unpadded hex groups, with no `::` compression (process.c addr_to_str). */
export function p0fAddress(ip: string): string {
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = ip.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = ip.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(':');
}

/** Every SYN and SYN+ACK verdict of a capture file, through HandshakeFingerprints (p0f's flow rules). */
export function netwatchP0f(capture: string, db: SignatureDb): P0fLine[] {
  const packet = createDecodedPacket();
  const handshakes = new HandshakeFingerprints(db);
  const lines: P0fLine[] = [];
  forEachPacket(capture, (view) => {
    decodePacket(view.data, view.offset, view.caplen, view.linktype, packet);
    const seen = handshakes.onPacket(view, packet);
    if (!seen) return true;
    const { verdict, host, peer } = seen;
    const hostText = `${p0fAddress(host.ip)}/${host.port}`;
    const peerText = `${p0fAddress(peer.ip)}/${peer.port}`;
    const isSyn = verdict.type === 'syn';
    const label = verdict.label;
    lines.push({
      mod: verdict.type,
      cli: isSyn ? hostText : peerText,
      srv: isSyn ? peerText : hostText,
      subj: isSyn ? 'cli' : 'srv',
      os: label ? `${label.name}${label.flavor === '' ? '' : ` ${label.flavor}`}` : '???',
      app: verdict.application,
      dist: verdict.randomTtl ? `<= ${verdict.distance}` : String(verdict.distance),
      params: verdict.params,
      rawSig: verdict.rawSignature,
    });
    return true;
  });
  return lines;
}
