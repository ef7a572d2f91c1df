// The reference: tshark's DNS fields of every response in a capture, one row per response.
import { run } from '@netwatch/packet/testing/lab/process';

/** tshark fields read per frame; multi-valued fields are joined with AGGREGATOR. */
export const TSHARK_FIELDS = [
  'frame.number', 'ip.src', 'ipv6.src', 'udp.dstport', 'tcp.dstport', 'dns.id', 'dns.flags.response',
  'dns.qry.name', 'dns.qry.type', 'dns.flags.rcode', 'dns.count.answers', 'dns.a', 'dns.aaaa', 'dns.cname',
  'dns.mx.preference', 'dns.mx.mail_exchange', 'dns.txt', 'dns.srv.priority', 'dns.srv.weight', 'dns.srv.port',
  'dns.srv.target', 'dns.ptr.domain_name', 'dns.caa.flags', 'dns.caa.tag', 'dns.caa.value', 'dns.svcb.svcpriority',
  'dns.svcb.targetname', 'dns.svcb.svcparam.alpn', 'dns.svcb.svcparam.port', 'dns.svcb.svcparam.ipv4hint.ip',
  'dns.resp.ttl', 'dns.time', 'dns.resp.z.do', 'dns.flags.truncated', 'dns.flags.authoritative',
] as const;

const AGGREGATOR = '\u001f';

export type TsharkRow = Record<(typeof TSHARK_FIELDS)[number], string[]>;

/** Every DNS frame, fields split into their occurrences (empty list when absent). */
export async function tsharkDns(pcap: string): Promise<TsharkRow[]> {
  const args = ['-r', pcap, '-n', '-Y', 'dns', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a',
    '-E', `aggregator=${AGGREGATOR}`, ...TSHARK_FIELDS.flatMap((f) => ['-e', f])];
  const result = await run('tshark', args, { timeoutMs: 30_000 });
  if (result.code !== 0) throw new Error(`tshark failed: ${result.stderr}`);
  return result.stdout.split('\n').filter((line) => line !== '').map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(TSHARK_FIELDS.map((f, i) => {
      const cell = cells[i] ?? '';
      return [f, cell === '' ? [] : cell.split(AGGREGATOR)];
    })) as TsharkRow;
  });
}
