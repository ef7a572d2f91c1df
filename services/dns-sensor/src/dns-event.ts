// Builds one netwatch.dns.v1 event from a query and/or its response (allocates: once per transaction).
import type { DnsMessage, DnsRecord } from '@netwatch/packet/dns/dns-message';
import { dnsClassName, dnsOpcodeName, dnsRcodeName, DnsType, dnsTypeName } from '@netwatch/packet/dns/dns-message';
import type { HomeNet } from '@netwatch/packet/home-net';
import { packetTime } from '@netwatch/packet/iso-time';
import { type DnsEvent, uuidv7 } from '@netwatch/schemas';
import type { DnsSighting } from './dns-endpoints.js';
import { domainParts, qnameFeatures } from './qname-features.js';

/** One side of a transaction: the parsed message and where/when it was seen. */
export interface SeenMessage {
  readonly message: DnsMessage;
  readonly seen: DnsSighting;
}

export interface EventContext {
  readonly observer: string;
  readonly interfaceNames: readonly string[];
  readonly homeNet: HomeNet;
}

type HeaderFlag = DnsEvent['dns']['header_flags'][number];

/** RCODEs meaning the server would not answer this at all (RFC 1035 §4.1.1: FORMERR, NOTIMP, REFUSED). */
const REJECTING_RCODES = new Set([1, 4, 5]);

/** ECS dns.header_flags of a message (DO from its OPT record, RFC 3225). */
function headerFlags(m: DnsMessage): HeaderFlag[] {
  const h = m.header;
  const flags: HeaderFlag[] = [];
  if (h.aa) flags.push('AA');
  if (h.tc) flags.push('TC');
  if (h.rd) flags.push('RD');
  if (h.ra) flags.push('RA');
  if (h.ad) flags.push('AD');
  if (h.cd) flags.push('CD');
  if (m.edns?.dnssecOk) flags.push('DO');
  return flags;
}

/** A name as ECS wants it: lowercase, no trailing dot (already absent); the root stays '.'. */
const lower = (name: string) => name.toLowerCase();

function answerOf(r: DnsRecord): NonNullable<DnsEvent['dns']['answers']>[number] {
  return { name: lower(r.name), type: dnsTypeName(r.type), class: dnsClassName(r.class), ttl: r.ttl, data: r.data };
}

/** Nanoseconds from a to b (capture time). */
function elapsedNs(a: DnsSighting, b: DnsSighting): number {
  return Math.max(0, (b.tsSec - a.tsSec) * 1e9 + (b.tsNsec - a.tsNsec));
}

/**
 * The event of a transaction. With a query and a response: dns.type `answer` and the latency;
 * a query alone (unanswered): `query`; a response alone (its query was not seen): `answer` with
 * `netwatch.dns.query_seen: false`, question and header taken from the response.
 */
export function buildDnsEvent(query: SeenMessage | null, response: SeenMessage | null, ctx: EventContext): DnsEvent {
  const first = (query ?? response) as SeenMessage;
  const { seen } = first;
  const asked = first.message;
  const question = asked.questions[0] ?? { name: '.', type: 0, class: 0 };
  const qname = lower(question.name);
  const r = response?.message ?? null;

  const details: DnsEvent['netwatch']['dns'] = {
    id: asked.header.id,
    qtype: question.type,
    qclass: question.class,
    opcode: asked.header.opcode,
    features: { ...qnameFeatures(qname) },
  };
  const dns: DnsEvent['dns'] = {
    id: String(asked.header.id),
    type: r ? 'answer' : 'query',
    op_code: dnsOpcodeName(asked.header.opcode),
    header_flags: headerFlags(r ?? asked),
    question: { name: qname, type: dnsTypeName(question.type), class: dnsClassName(question.class),
      ...domainParts(qname) },
  };
  const related = new Set<string>([seen.client.ip, seen.server.ip]);
  const edns = (r ?? asked).edns;
  if (query?.message.edns) {
    const e = query.message.edns;
    details.edns = { udp_payload_size: e.udpPayloadSize, version: e.version, dnssec_ok: e.dnssecOk,
      option_codes: e.options.map((o) => o.code) };
    if (e.clientSubnet !== undefined) details.edns.client_subnet = e.clientSubnet;
  } else if (edns) {
    details.edns = { udp_payload_size: edns.udpPayloadSize, version: edns.version, dnssec_ok: edns.dnssecOk,
      option_codes: edns.options.map((o) => o.code) };
  }
  if (r) {
    details.rcode = r.rcode;
    details.flags = r.header.flags;
    details.rejected = REJECTING_RCODES.has(r.rcode);
    details.truncated = r.header.tc;
    details.answer_count = r.header.ancount;
    dns.response_code = dnsRcodeName(r.rcode);
    if (r.answers.length > 0) dns.answers = r.answers.map(answerOf);
    const ips = r.answers.filter((a) => a.type === DnsType.A || a.type === DnsType.AAAA).map((a) => a.data);
    if (ips.length > 0) {
      dns.resolved_ip = ips;
      for (const ip of ips) related.add(ip);
    }
  }
  if (query && response) details.latency_ns = elapsedNs(query.seen, response.seen);
  if (!query) details.query_seen = false;

  const observer: DnsEvent['observer'] = { hostname: ctx.observer, type: 'sensor', vendor: 'netwatch',
    product: 'netwatch' };
  const interfaceName = ctx.interfaceNames[seen.interfaceIndex];
  if (interfaceName !== undefined) observer.ingress = { interface: { name: interfaceName } };

  const network: DnsEvent['network'] = {
    transport: seen.transport,
    iana_number: seen.transport === 'udp' ? '17' : '6',
    protocol: 'dns',
    direction: ctx.homeNet.direction(seen.client.ip, seen.server.ip),
    community_id: seen.communityId,
    type: seen.ipVersion === 4 ? 'ipv4' : 'ipv6',
  };
  if (seen.vlanId >= 0) network.vlan = { id: String(seen.vlanId) };

  const start = packetTime(first.seen.tsSec, first.seen.tsNsec);
  const event: DnsEvent['event'] = {
    id: uuidv7(),
    kind: 'event',
    category: ['network'],
    type: ['protocol', 'info'],
    dataset: 'netwatch.dns',
    module: 'netwatch',
    created: new Date().toISOString(),
    start,
  };
  if (query && response) {
    event.end = packetTime(response.seen.tsSec, response.seen.tsNsec);
    event.duration = details.latency_ns;
  }
  return {
    '@timestamp': start,
    event,
    netwatch: { schema: 'dns', schema_version: 1, dns: details },
    observer,
    source: { ...seen.client },
    destination: { ...seen.server },
    network,
    dns,
    related: { ip: [...related], ...(qname === '.' ? {} : { hosts: [qname] }) },
  };
}
