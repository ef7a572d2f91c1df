// Mnemonics of DNS numbers (IANA "Domain Name System (DNS) Parameters"): types, classes, opcodes, rcodes.

/** RR TYPE values this package names; anything else is `TYPEnnn` (RFC 3597 §5). */
export const DnsType = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  NULL: 10,
  PTR: 12,
  HINFO: 13,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  SRV: 33,
  NAPTR: 35,
  DNAME: 39,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  NSEC3: 50,
  SVCB: 64,
  HTTPS: 65,
  SPF: 99,
  TKEY: 249,
  TSIG: 250,
  IXFR: 251,
  AXFR: 252,
  ANY: 255,
  CAA: 257,
} as const;

const typeNames = new Map<number, string>(Object.entries(DnsType).map(([name, value]) => [value, name]));
const typeValues = new Map<string, number>(Object.entries(DnsType));

/** `A`, `HTTPS`… or `TYPE65280` for types without a mnemonic (RFC 3597 §5). */
export function dnsTypeName(type: number): string {
  return typeNames.get(type) ?? `TYPE${type}`;
}

/** The numeric value of a mnemonic or `TYPEnnn`, -1 if neither. */
export function dnsTypeValue(name: string): number {
  const known = typeValues.get(name.toUpperCase());
  if (known !== undefined) return known;
  const match = /^TYPE(\d{1,5})$/i.exec(name);
  return match && Number(match[1]) <= 0xffff ? Number(match[1]) : -1;
}

/** CLASS values (RFC 1035 §3.2.4, NONE from RFC 2136 §1.3, ANY is QCLASS *). */
const classNames = new Map<number, string>([[1, 'IN'], [2, 'CS'], [3, 'CH'], [4, 'HS'], [254, 'NONE'], [255, 'ANY']]);

/** `IN`, `CH`… or `CLASSnnn` (RFC 3597 §5). */
export function dnsClassName(cls: number): string {
  return classNames.get(cls) ?? `CLASS${cls}`;
}

/** OPCODE values (RFC 1035 §4.1.1, NOTIFY RFC 1996, UPDATE RFC 2136, DSO RFC 8490). */
const opcodeNames = ['QUERY', 'IQUERY', 'STATUS', 'OPCODE3', 'NOTIFY', 'UPDATE', 'DSO'];

export function dnsOpcodeName(opcode: number): string {
  return opcodeNames[opcode] ?? `OPCODE${opcode}`;
}

/** RCODE values, 12 bits with EDNS (RFC 1035 §4.1.1, RFC 2136, RFC 6891 §9, RFC 8945, RFC 7873). */
const rcodeNames = new Map<number, string>([
  [0, 'NOERROR'], [1, 'FORMERR'], [2, 'SERVFAIL'], [3, 'NXDOMAIN'], [4, 'NOTIMP'], [5, 'REFUSED'],
  [6, 'YXDOMAIN'], [7, 'YXRRSET'], [8, 'NXRRSET'], [9, 'NOTAUTH'], [10, 'NOTZONE'], [11, 'DSOTYPENI'],
  [16, 'BADVERS'], [17, 'BADKEY'], [18, 'BADTIME'], [19, 'BADMODE'], [20, 'BADNAME'], [21, 'BADALG'],
  [22, 'BADTRUNC'], [23, 'BADCOOKIE'],
]);

export function dnsRcodeName(rcode: number): string {
  return rcodeNames.get(rcode) ?? `RCODE${rcode}`;
}

/** EDNS option codes (IANA "DNS EDNS0 Option Codes (OPT)"). */
export const EdnsOption = {
  NSID: 3,
  CLIENT_SUBNET: 8,
  EXPIRE: 9,
  COOKIE: 10,
  TCP_KEEPALIVE: 11,
  PADDING: 12,
  CHAIN: 13,
  KEY_TAG: 14,
  EXTENDED_ERROR: 15,
} as const;
