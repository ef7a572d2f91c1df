// LLDP and CDP announcements as observations of the announcing device (link-local: the frame's source MAC is it).
import { cdpCapabilityList, type CdpMessage } from '../protocols/cdp.js';
import { lldpCapabilityList, type LldpMessage } from '../protocols/lldp.js';
import type { Observation } from '../observation.js';

/** The device class a capability set suggests, most specific role first. */
function deviceType(capabilities: readonly string[]): string | undefined {
  for (const [capability, type] of [['phone', 'phone'], ['telephone', 'phone'], ['wlan_ap', 'access_point'],
    ['router', 'router'], ['switch', 'switch'], ['bridge', 'switch'], ['transparent_bridge', 'switch'],
    ['docsis', 'cable_modem'], ['station', 'host'], ['host', 'host']] as const) {
    if (capabilities.includes(capability)) return type;
  }
  return undefined;
}

export function lldpObservation(m: LldpMessage, mac: number): Observation {
  const details: Record<string, string> = { 'lldp.chassis_id': m.chassisId, 'lldp.port_id': m.portId };
  if (m.portDescription !== undefined) details['lldp.port_description'] = m.portDescription;
  if (m.systemDescription !== undefined) details['lldp.system_description'] = m.systemDescription;
  const capabilities = lldpCapabilityList(m.enabledCapabilities ?? m.capabilities ?? 0);
  if (m.capabilities !== undefined) details['lldp.capabilities'] = capabilities.join(',');
  const type = deviceType(capabilities);
  return { source: 'lldp', mac, ips: m.managementAddresses, details,
    ...(m.systemName === undefined || m.systemName === '' ? {} : { hostname: m.systemName }),
    ...(type === undefined ? {} : { type }) };
}

export function cdpObservation(m: CdpMessage, mac: number): Observation {
  const details: Record<string, string> = {};
  if (m.deviceId !== undefined) details['cdp.device_id'] = m.deviceId;
  if (m.portId !== undefined) details['cdp.port_id'] = m.portId;
  if (m.softwareVersion !== undefined) details['cdp.software_version'] = m.softwareVersion;
  if (m.platform !== undefined) details['cdp.platform'] = m.platform;
  if (m.nativeVlan !== undefined) details['cdp.native_vlan'] = String(m.nativeVlan);
  const capabilities = cdpCapabilityList(m.capabilities ?? 0);
  if (m.capabilities !== undefined) details['cdp.capabilities'] = capabilities.join(',');
  const type = deviceType(capabilities);
  return { source: 'cdp', mac, ips: m.addresses, details,
    ...(m.deviceId === undefined || m.deviceId === '' ? {} : { hostname: m.deviceId }),
    ...(m.platform === undefined ? {} : { model: m.platform }),
    ...(type === undefined ? {} : { type }) };
}
