// Example netwatch.dns.v1 event: the laptop resolving the web server's name via the LAN resolver.
import type { DnsEvent } from '../events/dns.js';
import { laptopIp, observer, webServerIp } from './common.js';

export const dnsExample: DnsEvent = {
  '@timestamp': '2025-06-12T09:13:58.080Z',
  event: {
    id: '0197636a-e040-711d-aef0-dc77d9cee9b7',
    kind: 'event',
    category: ['network'],
    type: ['protocol', 'info'],
    dataset: 'netwatch.dns',
    module: 'netwatch',
    duration: 14_200_000,
  },
  netwatch: {
    schema: 'dns',
    schema_version: 1,
    dns: {
      id: 48_321,
      qtype: 1,
      qclass: 1,
      opcode: 0,
      rcode: 0,
      flags: 0x8180,
      latency_ns: 14_200_000,
      rejected: false,
      truncated: false,
      answer_count: 1,
      features: {
        qname_length: 15,
        label_count: 3,
        longest_label: 7,
        entropy: 3.19,
        digit_ratio: 0,
      },
      edns: { udp_payload_size: 1232, version: 0, dnssec_ok: false, option_codes: [10] },
    },
  },
  observer,
  source: { ip: laptopIp, port: 53211 },
  destination: { ip: '192.168.10.1', port: 53 },
  network: {
    transport: 'udp',
    iana_number: '17',
    protocol: 'dns',
    direction: 'internal',
    community_id: '1:0T9UyNO0JOlwHzQ9gAh+BaACqpo=',
    type: 'ipv4',
  },
  dns: {
    id: '48321',
    type: 'answer',
    op_code: 'QUERY',
    header_flags: ['RD', 'RA'],
    response_code: 'NOERROR',
    question: {
      name: 'www.example.com',
      type: 'A',
      class: 'IN',
      registered_domain: 'example.com',
      subdomain: 'www',
      top_level_domain: 'com',
    },
    answers: [{ name: 'www.example.com', type: 'A', class: 'IN', ttl: 3600, data: webServerIp }],
    resolved_ip: [webServerIp],
  },
  related: { ip: [laptopIp, '192.168.10.1', webServerIp], hosts: ['www.example.com'] },
};
