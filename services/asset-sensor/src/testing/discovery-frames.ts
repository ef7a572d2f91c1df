// Builders of discovery-protocol frames (DHCP, LLDP, CDP, SSDP, NBNS, mDNS) for tests, the tshark pcap, fuzz seeds and the bench.
import {
  arp, bytes, type Bytes, concat, ethernet, ip4, ip6, ipv4, ipv6, mac, text, u16, u32, udp,
} from '@netwatch/packet/decode/testing/frame-builder';

export { arp, mac };

export const BROADCAST = mac('ff:ff:ff:ff:ff:ff');
export const LAPTOP_MAC = mac('3c:22:fb:12:34:56');
export const PRINTER_MAC = mac('00:1b:a9:aa:bb:01');
export const SWITCH_MAC = mac('00:1e:49:10:20:30');
export const ROUTER_MAC = mac('02:00:00:00:00:01');
export const LLDP_MULTICAST = mac('01:80:c2:00:00:0e');
export const CDP_MULTICAST = mac('01:00:0c:cc:cc:cc');
export const MDNS_MULTICAST = mac('01:00:5e:00:00:fb');
export const SSDP_MULTICAST = mac('01:00:5e:7f:ff:fa');

/** Ethernet + IPv4 + UDP. */
export function udpFrame(o: { srcMac: Bytes; dstMac: Bytes; src: string; dst: string; sport: number; dport: number;
  ttl?: number; }, payload: Bytes): Bytes {
  return ethernet(0x0800, ipv4({ protocol: 17, src: o.src, dst: o.dst, ttl: o.ttl ?? 64 },
    udp(o.sport, o.dport, payload)), o.dstMac, o.srcMac);
}

export function arpFrame(op: number, senderMac: Bytes, senderIp: string, targetMac: Bytes, targetIp: string,
  dstMac: Bytes = BROADCAST): Bytes {
  return ethernet(0x0806, arp(op, senderMac, senderIp, targetMac, targetIp), dstMac, senderMac);
}

// ---- DHCP (RFC 2131 §2, RFC 2132) ----

export interface DhcpSpec {
  op: 1 | 2;
  xid?: number;
  chaddr: Bytes;
  ciaddr?: string;
  yiaddr?: string;
  giaddr?: string;
  /** Encoded options (see `option`), END appended. */
  options: Bytes[];
  /** Options placed in the `file` field (option 52 = 1 must be among `options`). */
  fileOptions?: Bytes[];
}

export function option(code: number, value: Bytes | string | number[]): Bytes {
  const v = typeof value === 'string' ? text(value) : Array.isArray(value) ? Uint8Array.from(value) : value;
  return concat(bytes(code, v.length), v);
}

export function dhcpPayload(s: DhcpSpec): Bytes {
  const chaddr = new Uint8Array(16);
  chaddr.set(s.chaddr);
  const file = new Uint8Array(128);
  if (s.fileOptions) file.set(concat(...s.fileOptions, bytes(255)));
  return concat(
    bytes(s.op, 1, 6, 0), u32(s.xid ?? 0x3903f326), u16(0), u16(0),
    ip4(s.ciaddr ?? '0.0.0.0'), ip4(s.yiaddr ?? '0.0.0.0'), ip4('0.0.0.0'), ip4(s.giaddr ?? '0.0.0.0'),
    chaddr, new Uint8Array(64), file,
    u32(0x63825363), ...s.options, bytes(255),
  );
}

/** A DHCPREQUEST with hostname, vendor class, parameter request list and requested IP. */
export function dhcpRequest(chaddr = LAPTOP_MAC, hostname = 'alices-laptop'): Bytes {
  return dhcpPayload({ op: 1, chaddr, options: [
    option(53, [3]), option(61, concat(bytes(1), chaddr)), option(50, ip4('192.168.1.23')),
    option(54, ip4('192.168.1.1')), option(12, hostname), option(60, 'MSFT 5.0'),
    option(55, [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]),
  ] });
}

export function dhcpAck(chaddr = LAPTOP_MAC, yiaddr = '192.168.1.23'): Bytes {
  return dhcpPayload({ op: 2, chaddr, yiaddr, options: [
    option(53, [5]), option(54, ip4('192.168.1.1')), option(51, u32(86400)), option(1, ip4('255.255.255.0')),
    option(3, ip4('192.168.1.1')), option(15, 'home.arpa'),
  ] });
}

// ---- LLDP (IEEE 802.1AB §8) ----

export function lldpTlv(type: number, value: Bytes | string): Bytes {
  const v = typeof value === 'string' ? text(value) : value;
  return concat(u16((type << 9) | v.length), v);
}

export function lldpPayload(o: { chassisMac?: Bytes; port?: string; systemName?: string; description?: string;
  portDescription?: string; capabilities?: [number, number]; managementIp?: string; } = {}): Bytes {
  const tlvs = [
    lldpTlv(1, concat(bytes(4), o.chassisMac ?? SWITCH_MAC)),
    lldpTlv(2, concat(bytes(5), text(o.port ?? 'ge-0/0/12'))),
    lldpTlv(3, u16(120)),
  ];
  if (o.portDescription !== undefined) tlvs.push(lldpTlv(4, o.portDescription));
  if (o.systemName !== undefined) tlvs.push(lldpTlv(5, o.systemName));
  if (o.description !== undefined) tlvs.push(lldpTlv(6, o.description));
  if (o.capabilities) tlvs.push(lldpTlv(7, concat(u16(o.capabilities[0]), u16(o.capabilities[1]))));
  if (o.managementIp !== undefined) {
    // Address string length 5 (subtype + IPv4), subtype 1, address, ifIndex subtype 2, ifIndex 12, OID length 0.
    tlvs.push(lldpTlv(8, concat(bytes(5, 1), ip4(o.managementIp), bytes(2), u32(12), bytes(0))));
  }
  return concat(...tlvs, lldpTlv(0, new Uint8Array(0)));
}

export function lldpFrame(payload: Bytes, src = SWITCH_MAC): Bytes {
  return ethernet(0x88cc, payload, LLDP_MULTICAST, src);
}

export const sampleLldp = () => lldpPayload({ systemName: 'core-sw1', description: 'Juniper EX2300-24T, JunOS 21.4R3',
  portDescription: 'uplink to office', capabilities: [0x14, 0x14], managementIp: '192.168.1.2' });

// ---- CDP ----

/** RFC 1071 Internet checksum (CDP uses it over the whole CDP PDU). */
function internetChecksum(data: Bytes): number {
  let sum = 0;
  for (let i = 0; i + 1 < data.length; i += 2) sum += ((data[i] as number) << 8) | (data[i + 1] as number);
  if (data.length % 2 === 1) sum += (data[data.length - 1] as number) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

export function cdpTlv(type: number, value: Bytes | string): Bytes {
  const v = typeof value === 'string' ? text(value) : value;
  return concat(u16(type), u16(v.length + 4), v);
}

export function cdpAddresses(...ips: string[]): Bytes {
  return concat(u32(ips.length), ...ips.map((ip) => concat(bytes(1, 1, 0xcc), u16(4), ip4(ip))));
}

export function cdpPayload(tlvs: Bytes[]): Bytes {
  const body = concat(...tlvs);
  const withHeader = concat(bytes(2, 180), u16(0), body);
  const sum = internetChecksum(withHeader);
  withHeader[2] = sum >> 8;
  withHeader[3] = sum & 0xff;
  return withHeader;
}

export const sampleCdp = () => cdpPayload([
  cdpTlv(1, 'edge-sw2.example.net'), cdpTlv(2, cdpAddresses('192.168.1.3')), cdpTlv(3, 'GigabitEthernet0/1'),
  cdpTlv(4, u32(0x28)), cdpTlv(5, 'Cisco IOS Software, C2960 Software, Version 15.0(2)SE11'),
  cdpTlv(6, 'cisco WS-C2960-24TT-L'), cdpTlv(0x0a, u16(10)),
]);

/** IEEE 802.3 frame with LLC/SNAP (Cisco OUI, protocol 0x2000) to the CDP multicast. */
export function cdpFrame(payload: Bytes, src = SWITCH_MAC): Bytes {
  const llc = concat(bytes(0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c), u16(0x2000), payload);
  return concat(CDP_MULTICAST, src, u16(llc.length), llc);
}

// ---- SSDP ----

export const ssdpNotify = (location = 'http://192.168.1.40:49152/description.xml') => text(
  'NOTIFY * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nCACHE-CONTROL: max-age=1800\r\n' +
  `LOCATION: ${location}\r\nNT: urn:schemas-upnp-org:device:MediaRenderer:1\r\nNTS: ssdp:alive\r\n` +
  'SERVER: Linux/4.9 UPnP/1.0 Sonos/70.3-35220 (ZPS27)\r\n' +
  'USN: uuid:RINCON_48A6B8E2C0DE01400::urn:schemas-upnp-org:device:MediaRenderer:1\r\n\r\n');

export const ssdpSearch = () => text('M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\n' +
  'MX: 1\r\nST: ssdp:all\r\nUSER-AGENT: Chromium/120.0 Linux UPnP/1.1\r\n\r\n');

// ---- NetBIOS name service (RFC 1002 §4.2) ----

/** RFC 1001 §14.1 first-level encoding of a 15-character name plus the type byte. */
export function nbName(name: string, suffix: number): Bytes {
  const raw = new Uint8Array(16).fill(0x20);
  raw.set(text(name.toUpperCase()).subarray(0, 15));
  raw[15] = suffix;
  const encoded = new Uint8Array(34);
  encoded[0] = 32;
  for (let i = 0; i < 16; i++) {
    encoded[1 + 2 * i] = 0x41 + ((raw[i] as number) >> 4);
    encoded[2 + 2 * i] = 0x41 + ((raw[i] as number) & 15);
  }
  return encoded;
}

/** A broadcast name registration request: question + additional NB record pointing at it. */
export function nbnsRegistration(name: string, suffix: number, ip: string, group = false, id = 0x8e1a): Bytes {
  return concat(u16(id), u16(0x2910), u16(1), u16(0), u16(0), u16(1),
    nbName(name, suffix), u16(0x20), u16(1),
    bytes(0xc0, 0x0c), u16(0x20), u16(1), u32(300000), u16(6), u16(group ? 0x8000 : 0), ip4(ip));
}

/** A positive name query response (RFC 1002 §4.2.13). */
export function nbnsQueryResponse(name: string, suffix: number, ip: string, id = 0x1234): Bytes {
  return concat(u16(id), u16(0x8500), u16(0), u16(1), u16(0), u16(0),
    nbName(name, suffix), u16(0x20), u16(1), u32(300000), u16(6), u16(0), ip4(ip));
}

// ---- mDNS (RFC 6762) ----

export function dnsName(name: string): Bytes {
  return concat(...name.split('.').filter(Boolean).map((label) => concat(bytes(label.length), text(label))), bytes(0));
}

export function dnsRecord(name: string, type: number, rdata: Bytes, ttl = 120, cls = 0x8001): Bytes {
  return concat(dnsName(name), u16(type), u16(cls), u32(ttl), u16(rdata.length), rdata);
}

export function txtRdata(...entries: string[]): Bytes {
  return concat(...entries.map((e) => concat(bytes(e.length), text(e))));
}

/** An unsolicited mDNS response announcing a printer: PTR, SRV, TXT and A (RFC 6763 §12). */
export function mdnsPrinterAnnouncement(host = 'office-printer.local', ip = '192.168.1.50'): Bytes {
  const instance = 'Office Printer._ipp._tcp.local';
  const answers = [
    dnsRecord('_ipp._tcp.local', 12, dnsName(instance), 4500, 1),
    dnsRecord(instance, 33, concat(u16(0), u16(0), u16(631), dnsName(host))),
    dnsRecord(instance, 16, txtRdata('txtvers=1', 'ty=Brother HL-L2350DW series', 'rp=ipp/print')),
    dnsRecord(host, 1, ip4(ip)),
  ];
  return concat(u16(0), u16(0x8400), u16(0), u16(answers.length), u16(0), u16(0), ...answers);
}

// ---- DHCPv6 (RFC 8415) ----

const v6Option = (code: number, value: Bytes) => concat(u16(code), u16(value.length), value);

/** A Solicit from `clientMac` (DUID-LL) with an option request list, vendor class and FQDN, to ff02::1:2. */
export function dhcpv6SolicitFrame(clientMac = LAPTOP_MAC, hostname = 'alices-laptop'): Bytes {
  const message = concat(bytes(1, 0x0a, 0x0b, 0x0c), v6Option(1, concat(u16(3), u16(1), clientMac)),
    v6Option(6, concat(u16(23), u16(24), u16(39))), v6Option(16, concat(u32(311), u16(8), text('MSFT 5.0'))),
    v6Option(39, concat(bytes(0), dnsName(hostname))));
  return ethernet(0x86dd, ipv6({ nextHeader: 17, src: 'fe80::3e22:fbff:fe12:3456', dst: 'ff02::1:2', hopLimit: 1 },
    udp(546, 547, message)), mac('33:33:00:01:00:02'), clientMac);
}

/** The server's Reply leasing `address` to `clientMac`. */
export function dhcpv6ReplyFrame(clientMac = LAPTOP_MAC, address = 'fd00::23'): Bytes {
  const iaaddr = v6Option(5, concat(ip6(address), u32(3600), u32(7200)));
  const message = concat(bytes(7, 0x0a, 0x0b, 0x0c), v6Option(1, concat(u16(3), u16(1), clientMac)),
    v6Option(3, concat(u32(1), u32(1800), u32(2880), iaaddr)));
  return ethernet(0x86dd, ipv6({ nextHeader: 17, src: 'fe80::1', dst: 'fe80::3e22:fbff:fe12:3456', hopLimit: 64 },
    udp(547, 546, message)), clientMac, ROUTER_MAC);
}
