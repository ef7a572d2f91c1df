// `netwatch service tls-sensor`: live capture on NETWATCH_CAPTURE_INTERFACES feeding the TLS analyzer.
import { packetSensorService } from '@netwatch/packet/live/sensor-service';
import { createTlsAnalyzer } from './tls-analyzer.js';
import { tlsConfigFromEnv, tlsEnvShape } from './tls-config.js';

/**
 * The default filter is all of TCP, not port 443: TLS is recognised by its first bytes, so it is
 * found on any port (8443, 993, 5061, custom services, C2 channels that avoid 443). Connections
 * that do not open with a handshake record cost one check and are then ignored.
 */
export const tlsSensorService = packetSensorService({
  name: 'tls-sensor',
  defaultFilter: 'tcp',
  env: tlsEnvShape,
  createAnalyzer: (ctx, config) => createTlsAnalyzer(ctx, tlsConfigFromEnv(config)),
  summary: (analyzer) => ({ ...analyzer.stats }),
});
