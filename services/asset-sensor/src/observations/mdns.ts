// mDNS responses as observations of the responder: its .local name, addresses, DNS-SD services and model.
import type { MdnsMessage } from '../protocols/mdns.js';
import type { Observation, ServiceInfo } from '../observation.js';
import type { PacketOrigin } from './packet-origin.js';

/** TXT keys that name the model: `model` of _device-info (Apple), `ty` of printers (Bonjour Printing §9.4), `md` (Google Cast). */
const MODEL_KEYS = ['model', 'ty', 'md'] as const;

const stripLocal = (name: string) => name.replace(/\.local\.?$/i, '');

export function mdnsObservation(m: MdnsMessage, origin: PacketOrigin): Observation | undefined {
  // A probe's records are still tentative (RFC 6762 §8.2: it may lose the tie-break), and a
  // goodbye withdraws them: neither says what the host is now.
  if (!m.isResponse || m.goodbye) return undefined;
  // The responder's own name is the one whose address record holds the packet's source address
  // (a Bonjour sleep proxy answers for others, but never with its own address for them).
  const own = m.addresses.find((a) => a.address === origin.ip)?.name;
  const ips = own === undefined ? [origin.ip]
    : [origin.ip, ...m.addresses.filter((a) => a.name === own && a.address !== origin.ip).map((a) => a.address)];
  const services: ServiceInfo[] = m.services
    .filter((s) => own === undefined || s.target === own)
    .map((s) => ({ name: s.service, transport: s.transport, port: s.port }));
  let model: string | undefined;
  for (const key of MODEL_KEYS) {
    for (const record of m.txt) {
      const entry = record.entries.find((e) => e.toLowerCase().startsWith(`${key}=`));
      if (entry !== undefined) {
        model ??= entry.slice(key.length + 1);
      }
    }
  }
  const details: Record<string, string> = {};
  const instance = m.services[0]?.instance;
  if (instance !== undefined) details['mdns.instance'] = instance;
  if (own === undefined && services.length === 0 && model === undefined) return undefined;
  return { source: 'mdns', ...(origin.mac === undefined ? {} : { mac: origin.mac }), ips: [...new Set(ips)],
    ...(own === undefined ? {} : { hostname: stripLocal(own) }), ...(services.length === 0 ? {} : { services }),
    ...(model === undefined || model === '' ? {} : { model }), details };
}
