// One handshake as a netwatch.tls.v1 event (allocates: runs once per handshake, never per packet).
import { type TlsEvent, uuidv7 } from '@netwatch/schemas';
import { ja3sString, ja3String, md5Hex } from './fingerprint/ja3.js';
import { ja4 } from './fingerprint/ja4.js';
import { cipherSuiteName, knownCipherSuiteName } from './names/cipher-suites.js';
import { groupName, knownGroupName } from './names/groups.js';
import { versionText } from './names/versions.js';
import type { Handshake } from './tls-connection.js';

type Direction = TlsEvent['network']['direction'];
type Details = TlsEvent['netwatch']['tls'];

/** The connection facts the event needs besides the handshake (a TcpStream has them all). */
export interface ConnectionFacts {
  readonly client: { readonly ip: string; readonly port: number; readonly mac?: string };
  readonly server: { readonly ip: string; readonly port: number; readonly mac?: string };
  readonly ipVersion: 4 | 6;
  readonly vlanId: number;
  readonly communityId: string;
  readonly direction: Direction;
  readonly interfaceName?: string;
  /** RFC 3339: when the connection was first seen, and when the event was decided. */
  readonly start: string;
  readonly end: string;
}

function clientHelloDetails(h: Handshake['clientHello']): Details['client_hello'] {
  const details: Details['client_hello'] = { version: h.version, ciphers: [...h.ciphers], extensions: [...h.extensions] };
  if (h.supportedVersions) details.supported_versions = [...h.supportedVersions];
  if (h.groups) {
    details.groups = [...h.groups];
    details.group_names = h.groups.map(groupName);
  }
  if (h.ecPointFormats) details.ec_point_formats = [...h.ecPointFormats];
  if (h.signatureAlgorithms) details.signature_algorithms = [...h.signatureAlgorithms];
  if (h.alpn) details.alpn = [...h.alpn];
  if (h.sni !== undefined) details.sni = h.sni;
  if (h.keyShareGroups) details.key_share_groups = [...h.keyShareGroups];
  return details;
}

function serverHelloDetails(h: NonNullable<Handshake['serverHello']>): NonNullable<Details['server_hello']> {
  const details: NonNullable<Details['server_hello']> = { version: h.version, cipher: h.cipher,
    extensions: [...h.extensions] };
  if (h.selectedVersion !== undefined) details.selected_version = h.selectedVersion;
  if (h.alpn !== undefined) details.alpn = h.alpn;
  if (h.keyShareGroup !== undefined) details.key_share_group = h.keyShareGroup;
  return details;
}

export function buildTlsEvent(handshake: Handshake, facts: ConnectionFacts, observer: string): TlsEvent {
  const { clientHello, serverHello, certificate } = handshake;
  const ja3Text = ja3String(clientHello);
  const ja3 = md5Hex(ja3Text);
  const fingerprint = ja4(clientHello);
  const details: Details = {
    client_hello: clientHelloDetails(clientHello),
    ja3_string: ja3Text,
    ja4: fingerprint.ja4,
    ja4_r: fingerprint.raw,
  };
  const tls: TlsEvent['tls'] = { client: { ja3 } };
  if (clientHello.sni !== undefined) tls.client.server_name = clientHello.sni;
  tls.client.supported_ciphers = clientHello.ciphers.map(cipherSuiteName);
  const hashes = [ja3];
  if (handshake.helloRetryRequest) {
    details.hello_retry_request = true;
    if (handshake.retryGroup !== undefined) details.retry_group = handshake.retryGroup;
    if (handshake.firstClientHello) details.first_ja3 = md5Hex(ja3String(handshake.firstClientHello));
  }
  if (serverHello) {
    details.server_hello = serverHelloDetails(serverHello);
    details.ja3s_string = ja3sString(serverHello);
    const ja3s = md5Hex(details.ja3s_string);
    hashes.push(ja3s);
    tls.server = { ja3s };
    // The negotiated version is supported_versions' selection when present (RFC 8446 §4.2.1).
    const version = versionText(serverHello.selectedVersion ?? serverHello.version);
    if (version) {
      tls.version = version.version;
      tls.version_protocol = version.protocol;
    }
    const cipher = knownCipherSuiteName(serverHello.cipher);
    if (cipher !== undefined) tls.cipher = cipher;
    const group = serverHello.keyShareGroup ?? handshake.keyExchangeGroup;
    const curve = group === undefined ? undefined : knownGroupName(group);
    if (curve !== undefined) tls.curve = curve;
    if (serverHello.alpn !== undefined) tls.next_protocol = serverHello.alpn;
    if (handshake.resumed !== undefined) tls.resumed = handshake.resumed;
    if (handshake.certificateCount !== undefined) details.certificate_count = handshake.certificateCount;
    if (certificate) {
      tls.server.subject = certificate.subject;
      tls.server.issuer = certificate.issuer;
      tls.server.not_before = certificate.notBefore;
      tls.server.not_after = certificate.notAfter;
      tls.server.hash = { sha1: certificate.sha1 };
      hashes.push(certificate.sha1);
    }
  }

  const source: TlsEvent['source'] = { ip: facts.client.ip, port: facts.client.port };
  const destination: TlsEvent['destination'] = { ip: facts.server.ip, port: facts.server.port };
  if (facts.client.mac !== undefined) source.mac = facts.client.mac;
  if (facts.server.mac !== undefined) destination.mac = facts.server.mac;
  if (clientHello.sni !== undefined) destination.domain = clientHello.sni;
  const network: TlsEvent['network'] = { transport: 'tcp', iana_number: '6', protocol: 'tls',
    direction: facts.direction, community_id: facts.communityId, type: facts.ipVersion === 4 ? 'ipv4' : 'ipv6' };
  if (facts.vlanId >= 0) network.vlan = { id: String(facts.vlanId) };
  const observerFields: TlsEvent['observer'] = { hostname: observer, type: 'sensor', vendor: 'netwatch',
    product: 'netwatch' };
  if (facts.interfaceName !== undefined) observerFields.ingress = { interface: { name: facts.interfaceName } };
  const related: NonNullable<TlsEvent['related']> = {
    ip: facts.client.ip === facts.server.ip ? [facts.client.ip] : [facts.client.ip, facts.server.ip],
    hash: hashes,
  };
  if (clientHello.sni !== undefined) related.hosts = [clientHello.sni];

  return {
    '@timestamp': facts.end,
    event: {
      id: uuidv7(),
      kind: 'event',
      category: ['network'],
      type: ['protocol', 'info'],
      dataset: 'netwatch.tls',
      module: 'netwatch',
      created: new Date().toISOString(),
      start: facts.start,
      end: facts.end,
    },
    netwatch: { schema: 'tls', schema_version: 1, tls: details },
    observer: observerFields,
    source,
    destination,
    network,
    tls,
    related,
  };
}
