// A p0f verdict (from the os/ module) as an observation of the fingerprinted host's operating system.
import { ecsOs, type OsVerdict } from '../os/index.js';
import type { Observation } from '../observation.js';
import type { PacketOrigin } from './packet-origin.js';

/**
 * p0f gives no score, so the percent says how the signature matched: exactly (90), fuzzily on
 * TTL/DF/ID/ECN (70), a last-resort `g:` signature (50), or both of the latter (40).
 */
function confidence(v: OsVerdict): number {
  if (v.generic) return v.fuzzy ? 40 : 50;
  return v.fuzzy ? 70 : 90;
}

export function p0fObservation(v: OsVerdict, origin: PacketOrigin): Observation | undefined {
  if (v.label === undefined || v.application) return undefined;
  const os = ecsOs(v.label);
  if (os === undefined) return undefined;
  return {
    source: 'p0f', ...(origin.mac === undefined ? {} : { mac: origin.mac }), ips: [origin.ip],
    os: { name: os.name, family: os.family, full: os.full, ...(os.type === undefined ? {} : { type: os.type }),
      ...(os.version === undefined ? {} : { version: os.version }) },
    osConfidence: confidence(v),
    details: { 'p0f.raw_signature': v.rawSignature },
  };
}
