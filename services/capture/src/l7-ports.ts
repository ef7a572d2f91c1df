// Application protocol names (ECS network.protocol) and the well-known ports that suggest them (IANA registry).

/** Protocol ids stored per flow; 0 is "unknown". Names are ECS-style lowercase keywords. */
export const l7Names = [
  '',
  'http',
  'tls',
  'dns',
  'ssh',
  'smb',
  'rdp',
  'smtp',
  'ftp',
  'quic',
  'mysql',
  'redis',
  'mqtt',
  'ssdp',
  'ntp',
  'dhcp',
  'mdns',
  'netbios',
  'snmp',
  'syslog',
  'llmnr',
  'telnet',
  'pop3',
  'imap',
  'ldap',
  'postgresql',
  'kafka',
  'sip',
  'dhcpv6',
  'bgp',
  'mongodb',
  'stun',
  'openvpn',
  'wireguard',
  'ipsec',
  'kerberos',
  'http-proxy',
] as const;

export type L7Name = (typeof l7Names)[number];

/** The id of a protocol name (compile-time checked). */
export function l7Id(name: L7Name): number {
  return l7Names.indexOf(name);
}

/** IANA service-name assignments (and de-facto ports) per transport; first match wins per port. */
const tcpPorts: readonly (readonly [L7Name, readonly number[]])[] = [
  ['http', [80, 8000, 8008, 8080, 8888]],
  ['tls', [443, 465, 636, 853, 989, 990, 992, 993, 995, 5061, 8443]],
  ['dns', [53]],
  ['ssh', [22]],
  ['smb', [139, 445]],
  ['rdp', [3389]],
  ['smtp', [25, 587]],
  ['ftp', [20, 21]],
  ['mysql', [3306]],
  ['redis', [6379]],
  ['mqtt', [1883, 8883]],
  ['telnet', [23]],
  ['pop3', [110]],
  ['imap', [143]],
  ['ldap', [389]],
  ['postgresql', [5432]],
  ['kafka', [9092]],
  ['sip', [5060]],
  ['bgp', [179]],
  ['mongodb', [27017]],
  ['kerberos', [88]],
  ['http-proxy', [3128]],
  ['openvpn', [1194]],
];

const udpPorts: readonly (readonly [L7Name, readonly number[]])[] = [
  ['dns', [53]],
  ['quic', [443]],
  ['ssdp', [1900]],
  ['ntp', [123]],
  ['dhcp', [67, 68]],
  ['mdns', [5353]],
  ['netbios', [137, 138]],
  ['snmp', [161, 162]],
  ['syslog', [514]],
  ['llmnr', [5355]],
  ['sip', [5060]],
  ['dhcpv6', [546, 547]],
  ['stun', [3478]],
  ['openvpn', [1194]],
  ['wireguard', [51820]],
  ['ipsec', [500, 4500]],
  ['kerberos', [88]],
];

function table(entries: readonly (readonly [L7Name, readonly number[]])[]): Uint8Array {
  const byPort = new Uint8Array(65536);
  for (const [name, ports] of entries) {
    for (const port of ports) if (byPort[port] === 0) byPort[port] = l7Id(name);
  }
  return byPort;
}

/** Port → protocol id, 0 when the port suggests nothing. */
export const tcpServiceByPort = table(tcpPorts);
export const udpServiceByPort = table(udpPorts);
