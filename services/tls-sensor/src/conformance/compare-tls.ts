// Field-by-field comparison of one connection's netwatch event with tshark's view (and openssl's for the leaf).
import { createHash } from 'node:crypto';
import type { TlsEvent } from '@netwatch/schemas';
import { knownGroupName } from '../names/groups.js';
import type { TsharkHandshake } from './tshark-tls.js';

export interface FieldDifference {
  readonly connection: string;
  readonly field: string;
  readonly netwatch: unknown;
  readonly reference: unknown;
}

/** The reference for the leaf: `openssl x509 -inform DER` on the bytes tshark extracted. */
export interface OpensslLeaf {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

export function compareHandshake(
  event: TlsEvent, shark: TsharkHandshake, leaf: OpensslLeaf | undefined,
): FieldDifference[] {
  const details = event.netwatch.tls;
  const server = details.server_hello;
  const pairs: [string, unknown, unknown][] = [
    ['ja3_full', details.ja3_string, shark.ja3Full],
    ['ja3', event.tls.client.ja3, shark.ja3],
    ['ja3s_full', details.ja3s_string, shark.ja3sFull],
    ['ja3s', event.tls.server?.ja3s, shark.ja3s],
    ['sni', event.tls.client.server_name, shark.sni],
    ['alpn_offered', details.client_hello.alpn, shark.alpnOffered],
    ['alpn_selected', event.tls.next_protocol, shark.alpnSelected],
    ['version', server === undefined ? undefined : hex4(server.selected_version ?? server.version), shark.version],
    ['cipher', server?.cipher, shark.cipher],
    ['curve', event.tls.curve, shark.group === undefined ? undefined : knownGroupName(shark.group)],
    ['certificate_sha1', event.tls.server?.hash?.sha1,
      shark.leafHex === undefined ? undefined : createHash('sha1').update(Buffer.from(shark.leafHex, 'hex')).digest('hex')],
    ['certificate_subject', event.tls.server?.subject, leaf?.subject],
    ['certificate_issuer', event.tls.server?.issuer, leaf?.issuer],
    ['certificate_not_before', event.tls.server?.not_before, leaf?.notBefore],
    ['certificate_not_after', event.tls.server?.not_after, leaf?.notAfter],
  ];
  const connection = `${event.source.ip}:${String(event.source.port)}`;
  return pairs
    .filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b))
    .map(([field, netwatch, reference]) => ({ connection, field, netwatch, reference }));
}
