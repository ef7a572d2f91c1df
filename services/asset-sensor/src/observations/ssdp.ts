// SSDP messages as observations: an announced or answered device type is a service of the sender.
import type { SsdpMessage } from '../protocols/ssdp.js';
import type { Observation } from '../observation.js';
import type { PacketOrigin } from './packet-origin.js';

/** UPnP device types that say what the box is (UPnP Forum device control protocols). */
const upnpDeviceTypes: Readonly<Record<string, string>> = {
  InternetGatewayDevice: 'router', WANDevice: 'router', Printer: 'printer', MediaRenderer: 'media_player',
  MediaServer: 'media_server', Basic: 'upnp_device', ZonePlayer: 'speaker', DigitalSecurityCamera: 'camera',
};

export function ssdpObservation(m: SsdpMessage, origin: PacketOrigin): Observation | undefined {
  const at = origin.mac === undefined ? {} : { mac: origin.mac };
  if (m.kind === 'search') {
    return m.userAgent === undefined ? undefined
      : { source: 'ssdp', ...at, ips: [origin.ip], details: { 'ssdp.user_agent': m.userAgent } };
  }
  // A byebye says the device is leaving; a non-200 response says nothing about it.
  if (m.subtype === 'ssdp:byebye' || (m.kind === 'response' && m.status !== 200)) return undefined;
  const details: Record<string, string> = {};
  if (m.server !== undefined) details['ssdp.server'] = m.server;
  if (m.location !== undefined) details['ssdp.location'] = m.location;
  // USN is uuid:<device UUID>[::<type>] (UDA 2.0 §1.1.4); the UUID names the device.
  const uuid = m.usn === undefined ? undefined : /^uuid:([^:]+)/.exec(m.usn)?.[1];
  if (uuid !== undefined) details['ssdp.uuid'] = uuid;
  const deviceType = m.target === undefined ? undefined : /:device:([^:]+):/.exec(m.target)?.[1];
  const type = deviceType === undefined ? undefined : upnpDeviceTypes[deviceType];
  return {
    source: 'ssdp', ...at, ips: [origin.ip], details,
    ...(m.target === undefined ? {} : {
      services: [{ name: m.target, transport: 'udp' as const, port: 1900,
        ...(m.server === undefined ? {} : { product: m.server }) }],
    }),
    ...(type === undefined ? {} : { type }),
  };
}
