// Example netwatch.action.block.v1 event: the block service blocking the scanner for an hour.
import type { BlockEvent } from '../events/block.js';
import { observer, scannerIp } from './common.js';

export const blockExample: BlockEvent = {
  '@timestamp': '2025-06-12T09:21:03.000Z',
  event: {
    id: '01976371-5c18-777f-b6cd-f2e5e09fe27d',
    kind: 'event',
    category: ['network', 'configuration'],
    type: ['denied', 'creation'],
    dataset: 'netwatch.block',
    module: 'netwatch',
  },
  netwatch: {
    schema: 'block',
    schema_version: 1,
    block: {
      target: scannerIp,
      action: 'add',
      reason: 'incident severity high: port scan followed by outbound contact',
      alert_ids: ['01976370-a28c-710c-b25f-9428cdb14cb6', '01976371-583a-75ab-aee9-511637436e24'],
      incident_id: '01976370-a2f0-75f6-a167-08ae3d63a29e',
      ttl_seconds: 3600,
      expires_at: '2025-06-12T10:21:03.000Z',
      dry_run: false,
      decided_by: 'block-service',
    },
  },
  observer,
  related: { ip: [scannerIp] },
};
