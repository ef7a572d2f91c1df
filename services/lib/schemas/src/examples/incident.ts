// Example netwatch.incident.v1 event: two alerts about one scanner correlated into one incident.
import type { IncidentEvent } from '../events/incident.js';
import { observer, scannerIp } from './common.js';

export const incidentExample: IncidentEvent = {
  '@timestamp': '2025-06-12T09:21:02.500Z',
  event: {
    id: '01976371-5a24-7530-8d5f-6e5747c4d35a',
    kind: 'alert',
    category: ['intrusion_detection'],
    type: ['change'],
    dataset: 'netwatch.incident',
    module: 'netwatch',
    severity: 3,
    start: '2025-06-12T09:20:15.500Z',
    end: '2025-06-12T09:21:02.010Z',
  },
  netwatch: {
    schema: 'incident',
    schema_version: 1,
    incident: {
      id: '01976370-a2f0-75f6-a167-08ae3d63a29e',
      entity: { type: 'ip', value: scannerIp },
      alert_ids: ['01976370-a28c-710c-b25f-9428cdb14cb6', '01976371-583a-75ab-aee9-511637436e24'],
      alert_count: 2,
      rule_ids: ['netwatch.scan.vertical', '2024897'],
      first_seen: '2025-06-12T09:20:15.500Z',
      last_seen: '2025-06-12T09:21:02.010Z',
      severity: 3,
      severity_name: 'high',
      status: 'open',
      summary: '198.51.100.77 scanned 192.168.10.23, then the host contacted it over HTTP',
    },
  },
  observer,
  related: { ip: [scannerIp, '192.168.10.23'] },
};
