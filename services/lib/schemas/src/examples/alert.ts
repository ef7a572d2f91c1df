// Example netwatch.alert.v1 events: a netwatch port-scan detection and a Suricata signature hit.
import type { AlertEvent } from '../events/alert.js';
import { laptopIp, observer, scannerGeo, scannerIp } from './common.js';

export const alertExample: AlertEvent = {
  '@timestamp': '2025-06-12T09:20:15.500Z',
  event: {
    id: '01976370-a28c-710c-b25f-9428cdb14cb6',
    kind: 'alert',
    category: ['intrusion_detection', 'network'],
    type: ['info'],
    dataset: 'netwatch.alert',
    module: 'netwatch',
    severity: 2,
    start: '2025-06-12T09:19:15.500Z',
    end: '2025-06-12T09:20:15.480Z',
  },
  netwatch: {
    schema: 'alert',
    schema_version: 1,
    alert: {
      origin: 'netwatch-detect',
      severity: 2,
      severity_name: 'medium',
      offender_ip: scannerIp,
      victim_ip: laptopIp,
      count: 1,
      evidence: {
        summary: '212 distinct TCP ports probed on 192.168.10.23 in 60 s, 97% unanswered',
        first_seen: '2025-06-12T09:19:15.500Z',
        last_seen: '2025-06-12T09:20:15.480Z',
        metrics: { distinct_ports: 212, window_seconds: 60, unanswered_ratio: 0.97 },
        samples: ['22', '80', '443', '3389', '5900'],
      },
    },
  },
  observer,
  rule: {
    id: 'netwatch.scan.vertical',
    name: 'TCP vertical port scan',
    category: 'reconnaissance',
    ruleset: 'netwatch',
    version: '1',
  },
  source: { ip: scannerIp, port: 40112 },
  destination: { ip: laptopIp, port: 3389 },
  network: {
    transport: 'tcp',
    iana_number: '6',
    direction: 'inbound',
    community_id: '1:tWnhcmVSoZ1IO2vrJbX+ot2gn8g=',
    type: 'ipv4',
  },
  related: { ip: [scannerIp, laptopIp] },
};

/** As it leaves enrich on netwatch.alert.enriched.v1: a Suricata hit with GeoIP/ASN. */
export const suricataAlertEnrichedExample: AlertEvent = {
  '@timestamp': '2025-06-12T09:21:02.010Z',
  event: {
    id: '01976371-583a-75ab-aee9-511637436e24',
    kind: 'alert',
    category: ['intrusion_detection', 'network'],
    type: ['info', 'allowed'],
    dataset: 'suricata.alert',
    module: 'suricata',
    severity: 3,
    ingested: '2025-06-12T09:21:02.040Z',
  },
  netwatch: {
    schema: 'alert',
    schema_version: 1,
    alert: {
      origin: 'suricata',
      severity: 3,
      severity_name: 'high',
      origin_severity: 1,
      offender_ip: scannerIp,
      victim_ip: laptopIp,
      count: 1,
      action: 'allowed',
    },
  },
  observer,
  rule: {
    id: '2024897',
    name: 'ET USER_AGENTS Go HTTP Client User-Agent',
    category: 'A Network Trojan was detected',
    ruleset: 'ET OPEN',
    version: '3',
  },
  source: { ip: laptopIp, port: 51602 },
  destination: { ip: scannerIp, port: 8080, ...scannerGeo },
  network: {
    transport: 'tcp',
    iana_number: '6',
    protocol: 'http',
    direction: 'outbound',
    community_id: '1:sRZG/gMiRcPppbQSuC8eYBAFQHI=',
    type: 'ipv4',
  },
  related: { ip: [laptopIp, scannerIp] },
};
