// NetBIOS name service messages as observations: a registered or answered workstation name is the host's name.
import type { NbnsMessage, NbnsName } from '../protocols/nbns.js';
import type { Observation } from '../observation.js';
import type { PacketOrigin } from './packet-origin.js';

/** RFC 1002 §4.2.2 registration (5), refresh (8, 9), multi-homed registration (15). */
const registrations = new Set([5, 8, 9, 15]);
/** Name type 0x00: the workstation service, whose name is the computer name (as `nbtstat` lists it). */
const WORKSTATION = 0x00;

export function nbnsDisplayName(n: NbnsName): string {
  return `${n.name}<${n.suffix.toString(16).padStart(2, '0')}>`;
}

export function nbnsObservation(m: NbnsMessage, origin: PacketOrigin): Observation | undefined {
  const at = origin.mac === undefined ? {} : { mac: origin.mac };
  const registering = !m.isResponse && registrations.has(m.opcode);
  const answering = m.isResponse && m.opcode === 0 && m.rcode === 0;
  if (!registering && !answering) return undefined;
  let hostname: string | undefined;
  let domain: string | undefined;
  const ips: string[] = [];
  for (const record of m.records) {
    // A name server may answer for others: only records carrying the sender's own address describe it.
    if (record.type === 0x20 && !record.addresses.includes(origin.ip)) continue;
    if (record.suffix === WORKSTATION && !record.group) hostname ??= record.name;
    if (record.suffix === WORKSTATION && record.group) domain ??= record.name;
    if (record.type === 0x20) ips.push(origin.ip);
  }
  for (const name of m.nodeNames) {
    if (name.suffix === WORKSTATION && !name.group) hostname ??= name.name;
    if (name.suffix === WORKSTATION && name.group) domain ??= name.name;
  }
  if (hostname === undefined && domain === undefined) return undefined;
  const details: Record<string, string> = {};
  if (hostname !== undefined) details['nbns.name'] = hostname;
  if (domain !== undefined) details['nbns.workgroup'] = domain;
  if (m.unitId !== undefined) details['nbns.unit_id'] = m.unitId;
  return { source: 'nbns', ...at, ips: [...new Set([origin.ip, ...ips])], details,
    ...(hostname === undefined ? {} : { hostname }) };
}
