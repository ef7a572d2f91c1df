// DHCP messages as device observations: the client (by chaddr) from its requests and ACKs, the server from its replies.
import { type DhcpMessage, dhcpMessageTypeNames } from '../protocols/dhcp.js';
import type { Observation } from '../observation.js';
import { macTextNumber, type PacketOrigin } from './packet-origin.js';

const ACK = 5;
const RELEASE = 7;
const DECLINE = 4;
const UNSPECIFIED = '0.0.0.0';

/** What a DHCP message says; the client is named by chaddr, which a relay keeps (RFC 2131 §2). */
export function dhcpObservations(m: DhcpMessage, origin: PacketOrigin): Observation[] {
  if (m.clientMac === undefined) return [];
  const mac = macTextNumber(m.clientMac);
  const out: Observation[] = [];
  if (m.op === 1) {
    const details: Record<string, string> = {};
    if (m.parameterRequestList !== undefined) details['dhcp.fingerprint'] = m.parameterRequestList.join(',');
    if (m.vendorClass !== undefined) details['dhcp.vendor_class'] = m.vendorClass;
    if (m.clientId !== undefined) details['dhcp.client_id'] = m.clientId;
    if (m.requestedIp !== undefined) details['dhcp.requested_ip'] = m.requestedIp;
    // ciaddr is filled only by a client that already holds the address (RFC 2131 §4.4.5 renewing, INFORM).
    const holds = m.clientIp !== UNSPECIFIED && m.messageType !== RELEASE && m.messageType !== DECLINE;
    out.push({ source: 'dhcp', mac, ...(holds ? { ips: [m.clientIp] } : {}),
      ...(m.hostname === undefined ? {} : { hostname: m.hostname }), details });
  } else if (m.messageType === ACK) {
    const details: Record<string, string> = {};
    if (m.serverId !== undefined) details['dhcp.server_id'] = m.serverId;
    if (m.domainName !== undefined) details['dhcp.domain_name'] = m.domainName;
    out.push({ source: 'dhcp', mac, ...(m.yourIp === UNSPECIFIED ? {} : { ips: [m.yourIp] }), details });
  }
  // The server itself, when it answers directly (no relay agent, RFC 2131 §4.1) from the address it
  // names in option 54: then it is on this segment and the frame's source MAC is its own.
  if (m.op === 2 && origin.frameMac !== undefined && m.relayIp === UNSPECIFIED && m.serverId === origin.ip) {
    out.push({ source: 'dhcp', mac: origin.frameMac, ips: [origin.ip], type: 'dhcp_server',
      services: [{ name: 'dhcp', transport: 'udp', port: 67 }] });
  }
  return out;
}

export function dhcpTypeName(type: number | undefined): string {
  return type === undefined ? 'BOOTP' : (dhcpMessageTypeNames[type] ?? String(type));
}
