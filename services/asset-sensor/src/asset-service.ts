// `netwatch service asset-sensor`: live capture with the discovery protocols' BPF filter, events to netwatch.asset.v1.
import { packetSensorService } from '@netwatch/packet/live/sensor-service';
import { createAssetAnalyzer } from './asset-analyzer.js';
import { arpSweepFromEnv, assetConfigFromEnv, assetEnvShape } from './asset-config.js';
import { startArpSweeps } from './arp-sweep-runner.js';

/**
 * The kernel keeps only what the sensor reads: ARP, DHCP (67/68), DHCPv6 (546/547), NBNS (137),
 * SSDP (1900), mDNS (5353), LLDP (EtherType 0x88cc), CDP (to 01:00:0c:cc:cc:cc) and TCP SYNs for
 * p0f. The expression is repeated after `vlan` so 802.1Q-tagged frames match too (BPF's `vlan`
 * shifts the offsets of everything after it).
 */
const discovery = 'arp or (udp and (port 67 or port 68 or port 546 or port 547 or port 137 or port 1900 or ' +
  'port 5353)) or ether proto 0x88cc or ether dst 01:00:0c:cc:cc:cc or (tcp[tcpflags] & tcp-syn != 0) or ' +
  '(ip6 and tcp and ip6[13 + 40] & 0x02 != 0)';

export const ASSET_DEFAULT_FILTER = `${discovery} or (vlan and (${discovery}))`;

export const assetSensorService = packetSensorService({
  name: 'asset-sensor',
  defaultFilter: ASSET_DEFAULT_FILTER,
  env: assetEnvShape,
  createAnalyzer: (ctx, config) => createAssetAnalyzer(ctx, assetConfigFromEnv(config, ctx.observer)),
  attach: (group, config, logger) => startArpSweeps(group, arpSweepFromEnv(config), logger),
  summary: (analyzer) => ({ ...analyzer.registry.stats, messages: analyzer.stats.messages }),
});
