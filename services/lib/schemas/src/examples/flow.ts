// Example netwatch.flow.v1 event: a laptop's HTTPS connection to a remote web server.
import type { FlowEvent } from '../events/flow.js';
import { laptopIp, observer, webServerIp } from './common.js';

export const flowExample: FlowEvent = {
  '@timestamp': '2025-06-12T09:14:07.250Z',
  event: {
    id: '0197636b-0412-7092-ae09-a7b03f3b3eb3',
    kind: 'event',
    category: ['network'],
    type: ['connection', 'end'],
    dataset: 'netwatch.flow',
    module: 'netwatch',
    created: '2025-06-12T09:14:07.251Z',
    start: '2025-06-12T09:13:58.112Z',
    end: '2025-06-12T09:14:07.250Z',
    duration: 9_138_000_000,
  },
  netwatch: {
    schema: 'flow',
    schema_version: 1,
    flow: {
      state: 'SF',
      history: 'ShADadFf',
      export_reason: 'end',
      service_source: 'payload',
      tcp: {
        flags_client: 0x1b,
        flags_server: 0x1b,
        flags_client_names: ['FIN', 'SYN', 'PSH', 'ACK'],
        flags_server_names: ['FIN', 'SYN', 'PSH', 'ACK'],
        handshake_rtt_ns: 18_400_000,
        retransmits_client: 0,
        retransmits_server: 2,
        out_of_order_client: 0,
        out_of_order_server: 1,
        zero_windows: 0,
      },
      jitter_ns: 1_250_000,
      min_ttl: 52,
    },
  },
  observer,
  source: { ip: laptopIp, port: 51544, mac: '3C-22-FB-12-34-56', bytes: 2_874, packets: 21 },
  destination: { ip: webServerIp, port: 443, bytes: 48_213, packets: 39 },
  network: {
    transport: 'tcp',
    iana_number: '6',
    protocol: 'tls',
    direction: 'outbound',
    community_id: '1:MRvjqd9icQp0yPki4QKueemF3/Y=',
    bytes: 51_087,
    packets: 60,
    type: 'ipv4',
  },
  related: { ip: [laptopIp, webServerIp] },
};
