// Decoders of single extension bodies (SNI, ALPN, groups, versions, key_share…); each returns null when a length lies.

/** A list of big-endian u16 behind a length prefix of `prefixBytes` (1 or 2) filling the body exactly. */
export function u16List(b: Buffer, start: number, end: number, prefixBytes: 1 | 2): number[] | null {
  if (end - start < prefixBytes) return null;
  const length = prefixBytes === 2 ? b.readUInt16BE(start) : (b[start] as number);
  const at = start + prefixBytes;
  if (at + length !== end || length % 2 !== 0) return null;
  const values: number[] = [];
  for (let i = at; i < end; i += 2) values.push(b.readUInt16BE(i));
  return values;
}

/** ec_point_formats (RFC 8422 §5.1.2): ECPointFormat ec_point_format_list<1..2^8-1>. */
export function u8List(b: Buffer, start: number, end: number): number[] | null {
  if (end - start < 1) return null;
  const length = b[start] as number;
  if (start + 1 + length !== end) return null;
  return Array.from(b.subarray(start + 1, end));
}

/**
 * server_name (RFC 6066 §3): ServerNameList server_name_list<1..2^16-1>, each NameType (1 byte)
 * and opaque HostName<1..2^16-1>. The first host_name (type 0) is the SNI; an empty body (as a
 * server acknowledges the extension) gives ''.
 */
export function serverName(b: Buffer, start: number, end: number): string | null {
  if (start === end) return '';
  if (end - start < 2) return null;
  const listEnd = start + 2 + b.readUInt16BE(start);
  if (listEnd !== end) return null;
  let name: string | null = null;
  for (let at = start + 2; at < listEnd;) {
    if (listEnd - at < 3) return null;
    const type = b[at] as number;
    const length = b.readUInt16BE(at + 1);
    if (at + 3 + length > listEnd) return null;
    if (type === 0 && name === null) name = b.toString('latin1', at + 3, at + 3 + length);
    at += 3 + length;
  }
  return name ?? '';
}

/** ALPN (RFC 7301 §3.1): ProtocolNameList protocol_name_list<2..2^16-1>, each opaque ProtocolName<1..2^8-1>. */
export function alpnList(b: Buffer, start: number, end: number): string[] | null {
  if (end - start < 2) return null;
  const listEnd = start + 2 + b.readUInt16BE(start);
  if (listEnd !== end) return null;
  const names: string[] = [];
  for (let at = start + 2; at < listEnd;) {
    const length = b[at] as number;
    if (length === 0 || at + 1 + length > listEnd) return null;
    names.push(b.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  return names;
}

/** key_share in a ClientHello (RFC 8446 §4.2.8): KeyShareEntry client_shares<0..2^16-1>, each group + key_exchange<1..2^16-1>. */
export function keyShareGroups(b: Buffer, start: number, end: number): number[] | null {
  if (end - start < 2) return null;
  const listEnd = start + 2 + b.readUInt16BE(start);
  if (listEnd !== end) return null;
  const groups: number[] = [];
  for (let at = start + 2; at < listEnd;) {
    if (listEnd - at < 4) return null;
    const length = b.readUInt16BE(at + 2);
    if (at + 4 + length > listEnd) return null;
    groups.push(b.readUInt16BE(at));
    at += 4 + length;
  }
  return groups;
}

/** A body that is exactly one u16 (ServerHello supported_versions, HRR key_share selected_group). */
export function singleU16(b: Buffer, start: number, end: number): number | null {
  return end - start === 2 ? b.readUInt16BE(start) : null;
}

/** key_share in a ServerHello: one KeyShareEntry (group, key_exchange<1..2^16-1>); in an HRR only the group. */
export function serverKeyShareGroup(b: Buffer, start: number, end: number, retry: boolean): number | null {
  if (retry) return singleU16(b, start, end);
  if (end - start < 4 || start + 4 + b.readUInt16BE(start + 2) !== end) return null;
  return b.readUInt16BE(start);
}

/** ALPN in a ServerHello: a list of exactly one name (RFC 7301 §3.1). */
export function selectedAlpn(b: Buffer, start: number, end: number): string | null {
  const names = alpnList(b, start, end);
  return names?.length === 1 ? (names[0] as string) : null;
}

/**
 * Walks an extension block `b[at, end)` (RFC 8446 §4.2: type, length, body), calling `decode` on
 * each body. Returns the types in wire order and how many bodies `decode` refused, or
 * 'extension_length' when a length runs past the block.
 */
export function walkExtensions(b: Buffer, at: number, end: number,
  decode: (type: number, start: number, end: number) => boolean): { types: number[]; refused: number } | 'extension_length' {
  const types: number[] = [];
  let refused = 0;
  while (at < end) {
    if (end - at < 4) return 'extension_length';
    const type = b.readUInt16BE(at);
    const bodyEnd = at + 4 + b.readUInt16BE(at + 2);
    if (bodyEnd > end) return 'extension_length';
    types.push(type);
    if (!decode(type, at + 4, bodyEnd)) refused++;
    at = bodyEnd;
  }
  return { types, refused };
}
