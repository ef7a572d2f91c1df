// @netwatch/dns-sensor: DNS transactions (netwatch.dns.v1) from packets, as an analyzer and as a live service.
import { packetSensorService } from '@netwatch/packet/live/sensor-service';
import { createDnsAnalyzer } from './dns-analyzer.js';
import { dnsConfigFromEnv, dnsEnvShape } from './dns-config.js';

export { createDnsAnalyzer, type DnsAnalyzer } from './dns-analyzer.js';
export { type DnsConfig, dnsConfigFromEnv, dnsConfigFromProcess, defaultDnsConfig, dnsEnvShape } from './dns-config.js';
export { type DnsStats, malformedReasons } from './dns-stats.js';

/**
 * BPF for DNS over UDP and TCP on port 53, plain or inside one 802.1Q/802.1ad tag (`vlan` shifts
 * the offsets for the expressions after it, so the tagged half repeats the test). A deployment
 * using other NETWATCH_DNS_PORTS sets NETWATCH_CAPTURE_FILTER to match.
 */
export const DNS_DEFAULT_FILTER = 'port 53 or (vlan and port 53)';

export const dnsSensorService = packetSensorService({
  name: 'dns-sensor',
  defaultFilter: DNS_DEFAULT_FILTER,
  env: dnsEnvShape,
  createAnalyzer: (ctx, config) => createDnsAnalyzer(ctx, dnsConfigFromEnv(config, ctx.observer)),
  summary: (analyzer) => ({ ...analyzer.stats }),
});
