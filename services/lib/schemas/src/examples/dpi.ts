// Example netwatch.dpi.v1 event: a Suricata EVE `http` record forwarded untouched.
import type { DpiEvent } from '../events/dpi.js';
import { laptopIp, observer, webServerIp } from './common.js';

export const dpiExample: DpiEvent = {
  '@timestamp': '2025-06-12T09:13:58.300Z',
  event: {
    id: '0197636a-e11c-7440-a0cc-1ef862d5b562',
    kind: 'event',
    category: ['network', 'web'],
    type: ['protocol', 'info'],
    dataset: 'suricata.http',
    module: 'suricata',
  },
  netwatch: {
    schema: 'dpi',
    schema_version: 1,
    dpi: {
      tool: 'suricata',
      log_type: 'http',
      record: {
        timestamp: '2025-06-12T09:13:58.300123+0000',
        flow_id: 1_298_374_102_938_475,
        in_iface: 'eth1',
        event_type: 'http',
        src_ip: laptopIp,
        src_port: 51590,
        dest_ip: webServerIp,
        dest_port: 80,
        proto: 'TCP',
        community_id: '1:WCmT1K5J1qAapWbr942XAMUtOgs=',
        http: {
          hostname: 'www.example.com',
          url: '/',
          http_user_agent: 'curl/8.7.1',
          http_method: 'GET',
          protocol: 'HTTP/1.1',
          status: 301,
          length: 0,
        },
      },
    },
  },
  observer,
  source: { ip: laptopIp, port: 51590 },
  destination: { ip: webServerIp, port: 80 },
  network: {
    transport: 'tcp',
    iana_number: '6',
    protocol: 'http',
    direction: 'outbound',
    community_id: '1:WCmT1K5J1qAapWbr942XAMUtOgs=',
    type: 'ipv4',
  },
};
