// The enrichment core: a sensor event in, the same event with geo/as and domain on its endpoints out (no I/O).
import type { AlertEvent, AssetEvent, DnsEvent, endpoint, FlowEvent, TlsEvent } from '@netwatch/schemas';
import type { z } from 'zod';
import type { AddressBook } from './address-book.js';
import type { DeviceNames } from './names/device-names.js';
import type { DnsNames } from './names/dns-names.js';

type Endpoint = z.infer<typeof endpoint>;
type Related = { hosts?: string[] | undefined; [key: string]: unknown };
interface WithEndpoints {
  event: { ingested?: string | undefined };
  source?: Endpoint | undefined;
  destination?: Endpoint | undefined;
  related?: Related | undefined;
}

export interface EnricherOptions {
  /** Internal/external, GeoIP and AS per address (cached). */
  readonly addresses: AddressBook;
  /** Host names from asset events; they name endpoints first. */
  readonly devices?: DeviceNames | undefined;
  /** Names learned from DNS answers; used when no device name is known. */
  readonly dnsNames?: DnsNames | undefined;
  /** Milliseconds since the epoch, for `event.ingested` (default Date.now). */
  readonly now?: () => number;
  /**
   * Add the fields to the event given instead of a copy (default false). For callers that own the
   * event, like a bus handler: each delivery is a fresh object parsed for that handler alone.
   * Copying costs about as much as the rest of enrichment together (allocation and GC).
   */
  readonly inPlace?: boolean;
}

export interface EnricherStats {
  /** Events enriched, by sensor topic id. */
  readonly events: { flow: number; dns: number; tls: number; alert: number };
  /** Endpoints given geo (GeoIP or the site's), AS, or a domain. */
  geo: number;
  as: number;
  domain: number;
  assetsLearned: number;
}

export interface Enricher {
  flow(event: FlowEvent): FlowEvent;
  /** Enriches the DNS event and learns address → name from its answers. */
  dns(event: DnsEvent): DnsEvent;
  tls(event: TlsEvent): TlsEvent;
  alert(event: AlertEvent): AlertEvent;
  /** Learns device names from an asset event (nothing is published for assets). */
  learnAsset(event: AssetEvent): void;
  readonly stats: EnricherStats;
}

/**
 * Builds the core. An event comes back as a new object and the input is not modified (nested objects
 * not enriched are shared with it), unless `inPlace` is set. Only missing fields are filled: geo, as and
 * domain already on an endpoint are kept. Endpoint domains are listed in `related.hosts` when
 * missing (ECS: every host name in the event). Geo and AS objects are frozen and shared between events.
 * `event.ingested` (ECS: when the pipeline received the event) is set when absent.
 */
export function createEnricher(options: EnricherOptions): Enricher {
  const { addresses, devices, dnsNames } = options;
  const inPlace = options.inPlace ?? false;
  const now = options.now ?? Date.now;
  // One ISO string per millisecond, not one per event.
  let lastMs = -1;
  let lastIso = '';
  const ingested = () => {
    const ms = now();
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  };
  const stats: EnricherStats = {
    events: { flow: 0, dns: 0, tls: 0, alert: 0 }, geo: 0, as: 0, domain: 0, assetsLearned: 0,
  };

  function enrichEndpoint<E extends Endpoint>(ep: E): E {
    const info = addresses.info(ep.ip);
    const geo = ep.geo === undefined ? info.geo : undefined;
    const as = ep.as === undefined ? info.as : undefined;
    const domain = ep.domain === undefined ? (devices?.nameOf(ep.ip) ?? dnsNames?.nameOf(ep.ip)) : undefined;
    if (geo === undefined && as === undefined && domain === undefined) return ep;
    const out: E = inPlace ? ep : { ...ep };
    if (geo !== undefined) {
      out.geo = geo;
      stats.geo++;
    }
    if (as !== undefined) {
      out.as = as;
      stats.as++;
    }
    if (domain !== undefined) {
      out.domain = domain;
      stats.domain++;
    }
    return out;
  }

  /** ECS related.hosts lists every host name in the event: add `name` when missing (a new array, never pushed into). */
  function listHost(event: WithEndpoints, name: string | undefined): void {
    if (name === undefined) return;
    const hosts = event.related?.hosts;
    if (hosts?.includes(name)) return;
    event.related = { ...event.related, hosts: hosts === undefined ? [name] : [...hosts, name] };
  }

  function enrichEvent<T extends WithEndpoints>(event: T): T {
    const source = event.source === undefined ? undefined : enrichEndpoint(event.source);
    const destination = event.destination === undefined ? undefined : enrichEndpoint(event.destination);
    const out: T = inPlace ? event : { ...event };
    if (event.event.ingested === undefined) {
      if (inPlace) event.event.ingested = ingested();
      else out.event = { ...event.event, ingested: ingested() };
    }
    if (source !== undefined) out.source = source;
    if (destination !== undefined) out.destination = destination;
    listHost(out, source?.domain);
    listHost(out, destination?.domain);
    return out;
  }

  return {
    stats,
    flow(event) {
      stats.events.flow++;
      return enrichEvent(event);
    },
    dns(event) {
      stats.events.dns++;
      dnsNames?.learn(event);
      return enrichEvent(event);
    },
    tls(event) {
      stats.events.tls++;
      return enrichEvent(event);
    },
    alert(event) {
      stats.events.alert++;
      return enrichEvent(event);
    },
    learnAsset(event) {
      stats.assetsLearned++;
      devices?.learn(event);
    },
  };
}
