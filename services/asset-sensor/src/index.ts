// @netwatch/asset-sensor: passive device discovery (ARP, DHCP, mDNS, LLDP, CDP, SSDP, NBNS, p0f) to netwatch.asset.v1.
export { type AssetAnalyzer, type AssetAnalyzerOptions, assetConfigFromProcess, createAssetAnalyzer } from './asset-analyzer.js';
export { type AssetConfig, assetConfigFromEnv, type AssetEnv, assetEnvShape, defaultAssetConfig } from './asset-config.js';
export { buildAssetEvent } from './asset-event.js';
export { ASSET_DEFAULT_FILTER, assetSensorService } from './asset-service.js';
export { type AssetStats, assetProtocols, malformedTotal } from './asset-stats.js';
export { type DeviceEvent, DeviceRegistry, type RegistryStats } from './device-registry.js';
export { macVendor } from './oui-vendor.js';
export { parseCdp } from './protocols/cdp.js';
export { parseDhcp } from './protocols/dhcp.js';
export { parseLldp } from './protocols/lldp.js';
export { parseMdns } from './protocols/mdns.js';
export { parseNbns } from './protocols/nbns.js';
export { parseSsdp } from './protocols/ssdp.js';
