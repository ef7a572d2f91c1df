// Example netwatch.tls.v1 event: a Chrome-like client hello and a TLS 1.2 server with its certificate.
import type { TlsEvent } from '../events/tls.js';
import { laptopIp, observer, webServerIp } from './common.js';

const ciphers = [
  4865, 4866, 4867, 49195, 49199, 49196, 49200, 52393, 52392, 49171, 49172, 156, 157, 47, 53,
];
const extensions = [0, 23, 65281, 10, 11, 35, 16, 5, 13, 18, 51, 45, 43, 27, 21];

export const tlsExample: TlsEvent = {
  '@timestamp': '2025-06-12T09:13:58.160Z',
  event: {
    id: '0197636a-e090-7024-b68c-e0d61dff4a4b',
    kind: 'event',
    category: ['network'],
    type: ['protocol', 'info'],
    dataset: 'netwatch.tls',
    module: 'netwatch',
  },
  netwatch: {
    schema: 'tls',
    schema_version: 1,
    tls: {
      client_hello: {
        version: 771,
        supported_versions: [772, 771],
        ciphers,
        extensions,
        groups: [29, 23, 24],
        group_names: ['x25519', 'secp256r1', 'secp384r1'],
        ec_point_formats: [0],
        signature_algorithms: [1027, 2052, 1025, 1283, 2053, 1281, 2054, 1537],
        alpn: ['h2', 'http/1.1'],
        sni: 'www.example.com',
        key_share_groups: [29],
      },
      server_hello: {
        version: 771,
        cipher: 49199,
        extensions: [65281, 11, 35, 16, 23],
        alpn: 'h2',
      },
      ja3_string: `771,${ciphers.join('-')},${extensions.join('-')},29-23-24,0`,
      ja3s_string: '771,49199,65281-11-35-16-23',
      ja4: 't13d1515h2_8daaf6152771_de4a06bb82e3',
      certificate_count: 2,
    },
  },
  observer,
  source: { ip: laptopIp, port: 51544 },
  destination: { ip: webServerIp, port: 443, domain: 'www.example.com' },
  network: {
    transport: 'tcp',
    iana_number: '6',
    protocol: 'tls',
    direction: 'outbound',
    community_id: '1:MRvjqd9icQp0yPki4QKueemF3/Y=',
    type: 'ipv4',
  },
  tls: {
    version: '1.2',
    version_protocol: 'tls',
    cipher: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    curve: 'x25519',
    next_protocol: 'h2',
    resumed: false,
    established: true,
    client: {
      server_name: 'www.example.com',
      supported_ciphers: [
        'TLS_AES_128_GCM_SHA256',
        'TLS_AES_256_GCM_SHA384',
        'TLS_CHACHA20_POLY1305_SHA256',
        'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
        'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
        'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
        'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
        'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
        'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
        'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
        'TLS_RSA_WITH_AES_128_GCM_SHA256',
        'TLS_RSA_WITH_AES_256_GCM_SHA384',
        'TLS_RSA_WITH_AES_128_CBC_SHA',
        'TLS_RSA_WITH_AES_256_CBC_SHA',
      ],
      ja3: 'b32309a26951912be7dba376398abc3b',
    },
    server: {
      ja3s: '4ef1b297bb817d8212165a86308bac5f',
      subject: 'CN=www.example.com,O=Example Org,L=Frankfurt am Main,C=DE',
      issuer: 'CN=Example TLS RSA CA 2024,O=Example Trust Services,C=DE',
      not_before: '2025-01-15T00:00:00Z',
      not_after: '2026-01-15T23:59:59Z',
      hash: { sha1: 'fb47e3b26550af69f42790464f09e08e7b14868c' },
    },
  },
  related: {
    ip: [laptopIp, webServerIp],
    hosts: ['www.example.com'],
    hash: ['b32309a26951912be7dba376398abc3b', '4ef1b297bb817d8212165a86308bac5f'],
  },
};
