// Both sides reduced to the same comparable record: tshark's DNS fields, and the same fields read from a netwatch event.
import type { DnsEvent } from '@netwatch/schemas';
import type { TsharkRow } from './tshark-dns.js';

/** What is compared for each response, field by field. */
export interface ComparableResponse {
  transport: string;
  clientPort: number;
  id: number;
  qname: string;
  qtype: number;
  rcode: number;
  answerCount: number;
  authoritative: boolean;
  truncated: boolean;
  dnssecOk: boolean;
  latencyUs: number;
  ttls: number[];
  a: string[];
  aaaa: string[];
  cname: string[];
  mx: string[];
  txt: string[];
  srv: string[];
  ptr: string[];
  caa: string[];
  https: string[];
}

const flag = (cells: string[]) => cells[0] === '1' || cells[0] === 'True';
const nums = (cells: string[]) => cells.map(Number);
/** tshark shows the root name as <Root>. */
const name = (text: string) => (text === '<Root>' || text === '' ? '.' : text);

/** The reference's view of one response frame. */
export function fromTshark(row: TsharkRow): ComparableResponse {
  const udp = row['udp.dstport'].length > 0;
  const mxPref = row['dns.mx.preference'];
  const srv = row['dns.srv.priority'].map((p, i) => `${p} ${row['dns.srv.weight'][i]} ${row['dns.srv.port'][i]} ` +
    `${row['dns.srv.target'][i]}`);
  const https = row['dns.svcb.svcpriority'].map((p, i) => [
    p, name(row['dns.svcb.targetname'][i] ?? ''), `alpn=${row['dns.svcb.svcparam.alpn'].join(',')}`,
    `port=${row['dns.svcb.svcparam.port'].join(',')}`, `ipv4hint=${row['dns.svcb.svcparam.ipv4hint.ip'].join(',')}`,
  ].join(' '));
  return {
    transport: udp ? 'udp' : 'tcp',
    clientPort: Number((udp ? row['udp.dstport'] : row['tcp.dstport'])[0]),
    id: Number(row['dns.id'][0]),
    qname: row['dns.qry.name'][0] ?? '',
    qtype: Number(row['dns.qry.type'][0]),
    rcode: Number(row['dns.flags.rcode'][0]),
    answerCount: Number(row['dns.count.answers'][0]),
    authoritative: flag(row['dns.flags.authoritative']),
    truncated: flag(row['dns.flags.truncated']),
    dnssecOk: flag(row['dns.resp.z.do']),
    latencyUs: Math.round(Number(row['dns.time'][0]) * 1e6),
    ttls: nums(row['dns.resp.ttl']),
    a: row['dns.a'],
    aaaa: row['dns.aaaa'],
    cname: row['dns.cname'],
    mx: row['dns.mx.mail_exchange'].map((m, i) => `${mxPref[i]} ${m}`),
    txt: row['dns.txt'],
    srv,
    ptr: row['dns.ptr.domain_name'],
    caa: row['dns.caa.flags'].map((f, i) => `${Number(f)} ${row['dns.caa.tag'][i]} "${row['dns.caa.value'][i]}"`),
    https,
  };
}

/** The character-strings of TXT presentation text, unescaped (RFC 1035 §5.1). */
export function txtStrings(data: string): string[] {
  const out: string[] = [];
  for (const match of data.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    out.push((match[1] ?? '').replace(/\\(\d{3}|.)/g, (_, c: string) =>
      (c.length === 3 ? String.fromCharCode(Number(c)) : c)));
  }
  return out;
}

/** netwatch's view of the same response (answer section only). */
export function fromEvent(e: DnsEvent): ComparableResponse {
  const answers = e.dns.answers ?? [];
  const of = (type: string) => answers.filter((a) => a.type === type).map((a) => a.data);
  return {
    transport: e.network.transport,
    clientPort: e.source.port,
    id: e.netwatch.dns.id,
    qname: e.dns.question.name,
    qtype: e.netwatch.dns.qtype,
    rcode: e.netwatch.dns.rcode ?? -1,
    answerCount: e.netwatch.dns.answer_count ?? -1,
    authoritative: e.dns.header_flags.includes('AA'),
    truncated: e.dns.header_flags.includes('TC'),
    dnssecOk: e.dns.header_flags.includes('DO'),
    latencyUs: Math.round((e.netwatch.dns.latency_ns ?? -1e9) / 1000),
    ttls: answers.map((a) => a.ttl),
    a: of('A'),
    aaaa: of('AAAA'),
    cname: of('CNAME'),
    mx: of('MX'),
    txt: of('TXT').flatMap(txtStrings),
    srv: of('SRV'),
    ptr: of('PTR'),
    caa: of('CAA'),
    https: of('HTTPS'),
  };
}
