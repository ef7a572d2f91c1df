// DHCPv6 messages as observations: the client (the frame's source MAC of its multicast requests, the destination of replies).
import type { Observation } from '../observation.js';
import type { Dhcpv6Message } from '../protocols/dhcpv6.js';
import { macTextNumber } from './packet-origin.js';

const REPLY = 7;
/** Client messages (RFC 8415 §7.3): Solicit, Request, Confirm, Renew, Rebind, Release, Decline, Information-request. */
const fromClient = new Set([1, 3, 4, 5, 6, 8, 9, 11]);

/**
 * `clientMac` is the MAC the message is about: for a client message the frame's source (it goes to
 * the All_DHCP_Relay_Agents_and_Servers multicast, so it is on this link), for a REPLY the frame's
 * destination (a server or relay answers the client's link-local address directly).
 */
export function dhcpv6Observation(m: Dhcpv6Message, clientMac: number | undefined): Observation | undefined {
  const mac = clientMac ?? (m.duidMac === undefined ? undefined : macTextNumber(m.duidMac));
  if (mac === undefined) return undefined;
  if (fromClient.has(m.messageType)) {
    const details: Record<string, string> = {};
    if (m.optionRequest !== undefined) details['dhcpv6.fingerprint'] = m.optionRequest.join(',');
    if (m.vendorClass !== undefined) details['dhcpv6.vendor_class'] = m.vendorClass;
    if (m.vendorEnterprise !== undefined) details['dhcpv6.enterprise'] = String(m.vendorEnterprise);
    if (m.clientDuid !== undefined) details['dhcpv6.duid'] = m.clientDuid;
    const hostname = m.fqdn === undefined || m.fqdn === '.' ? undefined : m.fqdn.split('.')[0];
    return { source: 'dhcp', mac, details, ...(hostname === undefined || hostname === '' ? {} : { hostname }) };
  }
  if (m.messageType === REPLY && m.addresses.length > 0) return { source: 'dhcp', mac, ips: m.addresses };
  return undefined;
}
