// Feed bench input: enriched flow events from 200 LAN hosts to located servers, published at a fixed rate,
// each carrying its publish time in its flow id so a client can tell how long delivery took.
import type { Bus } from '@netwatch/kit';
import { exampleFor, type FlowEvent, topics } from '@netwatch/schemas';
import { externalAddresses, seeded } from '../enrich/workload.js';

/** Cities the remote servers are placed in (the globe needs coordinates; the values are only plausible). */
const PLACES = [
  ['Frankfurt am Main', 'DE', 50.11, 8.68], ['Tokyo', 'JP', 35.68, 139.69], ['Ashburn', 'US', 39.04, -77.49],
  ['São Paulo', 'BR', -23.55, -46.63], ['Sydney', 'AU', -33.87, 151.21], ['Singapore', 'SG', 1.35, 103.82],
  ['Dublin', 'IE', 53.35, -6.26], ['Mumbai', 'IN', 19.08, 72.88],
] as const;
const SERVICES = [[443, 'tls', 'tcp'], [443, 'quic', 'udp'], [80, 'http', 'tcp'], [53, 'dns', 'udp'],
  [22, 'ssh', 'tcp'], [123, 'ntp', 'udp']] as const;

/**
 * `count` distinct flow templates: 200 LAN hosts (192.168.1.x) × 2 000 located remote servers, seeded.
 * At most `count` address pairs, so the API's 20 000-link table never prunes.
 */
export function flowTemplates(count: number, seed = 0xfeed): FlowEvent[] {
  const next = seeded(seed);
  const remotes = externalAddresses(2_000, seed ^ 0x5a5a).filter((a) => !a.includes(':'));
  const base = exampleFor('netwatch.enriched.flow.v1');
  delete base.source.mac;
  const out: FlowEvent[] = [];
  for (let i = 0; i < count; i++) {
    const [city, country, lat, lon] = PLACES[next() % PLACES.length] as (typeof PLACES)[number];
    const [port, protocol, transport] = SERVICES[next() % SERVICES.length] as (typeof SERVICES)[number];
    const remote = remotes[next() % remotes.length] as string;
    const host = `192.168.1.${1 + (next() % 200)}`;
    const srcBytes = 200 + (next() % 5_000);
    const dstBytes = 500 + (next() % 200_000);
    const event = structuredClone(base);
    event.source = { ...event.source, ip: host, port: 1024 + (next() % 60_000), bytes: srcBytes };
    event.destination = {
      ...event.destination, ip: remote, port, bytes: dstBytes,
      geo: { city_name: city, country_iso_code: country, location: { lat, lon } },
    };
    event.network = { ...event.network, transport, protocol, bytes: srcBytes + dstBytes, iana_number: transport === 'tcp' ? '6' : '17' };
    event.related = { ip: [host, remote] };
    out.push(event);
  }
  return out;
}

/** Flow ids are `<seq>@<publish time in ms since the epoch, fractional>`; the clients read the time back. */
export function publishTimeOf(flowId: string): number {
  return Number(flowId.slice(flowId.indexOf('@') + 1));
}

/** Milliseconds since the epoch with sub-millisecond resolution, comparable between processes on one machine. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface Publisher {
  /** Flows published so far. */
  readonly published: number;
  /** Flows the schedule gave up on because the process could not keep up (never published). */
  readonly fellBehind: number;
  stop(): void;
}

/** The publisher never owes more than this much of its schedule: a stall does not become a burst. */
const MAX_DEBT_SEC = 0.05;

/**
 * Publishes `rate` flows per second in small batches every ~2 ms, catching up on its schedule when a
 * timer fires late. The in-memory bus hands the publisher's object to the consumer later, so each event
 * is a new object down to its flow id; the rest of the template is shared and never changed.
 */
export function startPublishing(bus: Bus, templates: readonly FlowEvent[], rate: number): Publisher {
  const started = performance.now();
  const maxDebt = Math.ceil(rate * MAX_DEBT_SEC);
  let published = 0;
  let fellBehind = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped) return;
    const due = Math.floor(((performance.now() - started) / 1000) * rate) - fellBehind;
    if (due - published > maxDebt) fellBehind += due - published - maxDebt;
    const batch = Math.min(due - published, maxDebt);
    const at = nowMs();
    for (let i = 0; i < batch; i++) {
      const seq = published++;
      const template = templates[seq % templates.length] as FlowEvent;
      const flow = { ...template.netwatch.flow, id: `${seq}@${at.toFixed(3)}` };
      bus.publish(topics.enrichedFlow, { ...template, netwatch: { ...template.netwatch, flow } });
    }
    timer = setTimeout(tick, 2);
  };
  tick();
  return {
    get published() {
      return published;
    },
    get fellBehind() {
      return fellBehind;
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
