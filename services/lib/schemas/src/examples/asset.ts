// Example netwatch.asset.v1 event: DHCP shows the laptop moved to a new address (a change event).
import type { AssetEvent } from '../events/asset.js';
import { laptopIp, observer } from './common.js';

export const assetExample: AssetEvent = {
  '@timestamp': '2025-06-12T09:12:31.004Z',
  event: {
    id: '01976369-8c1c-74fb-86db-be5cca61b5eb',
    kind: 'asset',
    category: ['host', 'network'],
    type: ['change'],
    dataset: 'netwatch.asset',
    module: 'netwatch',
  },
  netwatch: {
    schema: 'asset',
    schema_version: 1,
    asset: {
      source: 'dhcp',
      os_confidence: 80,
      services: [{ name: '_companion-link._tcp', transport: 'tcp', port: 49152 }],
      first_seen: '2025-05-30T07:41:12.930Z',
      last_seen: '2025-06-12T09:12:31.004Z',
      change: { field: 'host.ip', old: '192.168.10.19', new: laptopIp },
      details: {
        'dhcp.fingerprint': '1,121,3,6,15,114,119,252,95,44,46',
        'dhcp.message_type': 'REQUEST',
      },
    },
  },
  observer,
  host: {
    ip: [laptopIp],
    mac: ['3C-22-FB-12-34-56'],
    hostname: 'alices-macbook',
    type: 'laptop',
    os: { name: 'macOS', family: 'macos', type: 'macos' },
  },
  device: { manufacturer: 'Apple, Inc.' },
  related: { ip: [laptopIp, '192.168.10.19'], hosts: ['alices-macbook'] },
};
