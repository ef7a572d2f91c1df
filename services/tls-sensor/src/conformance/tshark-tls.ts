// tshark's side: per TCP connection, the fields of its last ClientHello, last ServerHello and first certificate.
import { run } from '@netwatch/packet/testing/lab/process';

/** What tshark 4.0 says about one connection's handshake (the final hellos, after any HelloRetryRequest). */
export interface TsharkHandshake {
  client: string;
  server: string;
  clientHellos: number;
  serverHellos: number;
  ja3Full?: string;
  ja3?: string;
  ja3sFull?: string;
  ja3s?: string;
  sni?: string;
  alpnOffered?: string[];
  alpnSelected?: string;
  /** ServerHello: supported_versions' selection if present, else legacy_version (as 0x0303 text). */
  version?: string;
  cipher?: number;
  /** DER of the first certificate of the first Certificate message, hex. */
  leafHex?: string;
  /** The key exchange group: ServerHello key_share (TLS 1.3) or ServerKeyExchange named curve (≤ 1.2). */
  group?: number;
}

const FIELDS = ['tcp.stream', 'ip.src', 'ipv6.src', 'tcp.srcport', 'ip.dst', 'ipv6.dst', 'tcp.dstport',
  'tls.handshake.type', 'tls.handshake.ja3_full', 'tls.handshake.ja3', 'tls.handshake.ja3s_full', 'tls.handshake.ja3s',
  'tls.handshake.extensions_server_name', 'tls.handshake.extensions_alpn_str', 'tls.handshake.version',
  'tls.handshake.extensions.supported_version', 'tls.handshake.ciphersuite', 'tls.handshake.certificate',
  'tls.handshake.extensions_key_share_group', 'tls.handshake.server_named_curve'] as const;

export const endpointText = (ip: string, port: string) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

/** One TCP connection, client first: `client>server` with each end as endpointText. */
export const connectionKey = (client: string, server: string) => `${client}>${server}`;

/**
 * Runs tshark with the TLS dissector forced on `tlsPorts` (its heuristics only try known ports;
 * netwatch finds TLS by content). Occurrences within a frame are joined by '|' (-E aggregator).
 */
export async function tsharkTls(path: string, tlsPorts: readonly number[]): Promise<Map<string, TsharkHandshake>> {
  const decodeAs = tlsPorts.flatMap((p) => ['-d', `tcp.port==${p},tls`]);
  const result = await run('tshark', ['-n', '-r', path, ...decodeAs, '-Y', 'tls.handshake', '-T', 'fields',
    '-E', 'separator=/t', '-E', 'aggregator=|', ...FIELDS.flatMap((f) => ['-e', f])], { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`tshark failed: ${result.stderr}`);
  const byStream = new Map<string, TsharkHandshake>();
  for (const line of result.stdout.split('\n')) {
    if (line === '') continue;
    const row = Object.fromEntries(line.split('\t').map((v, i) => [FIELDS[i], v])) as Record<(typeof FIELDS)[number], string>;
    const types = row['tls.handshake.type'].split('|').map(Number);
    const src = endpointText(row['ip.src'] || row['ipv6.src'], row['tcp.srcport']);
    const dst = endpointText(row['ip.dst'] || row['ipv6.dst'], row['tcp.dstport']);
    const fromClient = types.includes(1);
    let h = byStream.get(row['tcp.stream']);
    if (h === undefined) {
      h = { client: fromClient ? src : dst, server: fromClient ? dst : src, clientHellos: 0, serverHellos: 0 };
      byStream.set(row['tcp.stream'], h);
    }
    const versions = row['tls.handshake.version'].split('|');
    if (types.includes(1)) {
      // A hello's first fragment has no type yet; the frame that completes it says who the client is.
      h.client = src;
      h.server = dst;
      h.clientHellos++;
      h.ja3Full = row['tls.handshake.ja3_full'];
      h.ja3 = row['tls.handshake.ja3'];
      h.sni = row['tls.handshake.extensions_server_name'] || undefined;
      h.alpnOffered = row['tls.handshake.extensions_alpn_str'] ? row['tls.handshake.extensions_alpn_str'].split('|')
        : undefined;
    }
    if (types.includes(2)) {
      h.serverHellos++;
      h.ja3sFull = row['tls.handshake.ja3s_full'];
      h.ja3s = row['tls.handshake.ja3s'];
      h.alpnSelected = row['tls.handshake.extensions_alpn_str'] || undefined;
      h.version = row['tls.handshake.extensions.supported_version'] || versions[types.indexOf(2)];
      h.cipher = Number(row['tls.handshake.ciphersuite']);
      // TLS 1.3 names its group in the ServerHello's key_share (RFC 8446 §4.2.8).
      const share = row['tls.handshake.extensions_key_share_group'];
      h.group = share ? Number(share.split('|').at(-1)) : undefined;
    }
    // TLS ≤ 1.2 ECDHE names it in the ServerKeyExchange (RFC 8422 §5.4).
    if (types.includes(12) && row['tls.handshake.server_named_curve']) {
      h.group = Number(row['tls.handshake.server_named_curve']);
    }
    if (types.includes(11) && h.leafHex === undefined) {
      h.leafHex = row['tls.handshake.certificate'].split('|')[0]?.replaceAll(':', '');
    }
  }
  // Keyed by both ends: Linux may give two connections to different server ports one client port.
  return new Map([...byStream.values()].map((h) => [connectionKey(h.client, h.server), h]));
}
