// Real DNS in a namespace lab: dnsmasq with local records in srv, dig queries from cli over UDP, TCP and IPv6, captured.
import { join } from 'node:path';
import { be16, rdata } from '@netwatch/packet/dns/testing/dns-builder';
import { Capture } from '@netwatch/packet/testing/lab/lab-capture';
import { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';

/** The HTTPS record dnsmasq serves through --dns-rr (it has no SVCB syntax of its own): RFC 9460 §2.2 wire form. */
export const HTTPS_RDATA = rdata.svcb(1, '.', [
  [1, rdata.cat([Uint8Array.of(2), rdata.raw(0x68, 0x32), Uint8Array.of(2), rdata.raw(0x68, 0x33)])],
  [3, be16(8443)],
  [4, rdata.a('10.77.0.2')],
]);
export const HTTPS_TEXT = '1 . alpn=h2,h3 port=8443 ipv4hint=10.77.0.2';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** dnsmasq authoritative for lab.test only, no upstream: names elsewhere are REFUSED, unknown lab.test names NXDOMAIN. */
function dnsmasqArgs(dir: string, listen: string): string[] {
  return [
    '-k', '--conf-file=/dev/null', `--pid-file=${join(dir, 'dnsmasq.pid')}`, '--no-resolv', '--no-hosts',
    '--bind-interfaces', `--listen-address=${listen}`, '--port=53', '--user=root', '--group=root', '--cache-size=0', '--local-ttl=300',
    '--local=/lab.test/',
    '--address=/addr.lab.test/10.77.0.50',
    '--host-record=host.lab.test,10.77.0.60,fd77:6e77::60',
    '--cname=www.lab.test,host.lab.test',
    '--mx-host=lab.test,mail.lab.test,10',
    // Arguments reach dnsmasq without a shell: quotes would be kept as data, so none are used.
    '--txt-record=txt.lab.test,v=spf1 -all,second string',
    '--srv-host=_sip._udp.lab.test,sip.lab.test,5060,0,5',
    '--ptr-record=60.0.77.10.in-addr.arpa,host.lab.test',
    '--caa-record=lab.test,0,issue,letsencrypt.org',
    `--dns-rr=svc.lab.test,65,${hex(HTTPS_RDATA)}`,
  ];
}

/** Each dig run: its flags and [name, type] queries (one dig process may send several). */
export const DIG_RUNS: { label: string; server: 'v4' | 'v6'; flags: string[]; queries: [string, string][] }[] = [
  { label: 'udp', server: 'v4', flags: [], queries: [
    ['host.lab.test', 'A'], ['host.lab.test', 'AAAA'], ['www.lab.test', 'A'], ['lab.test', 'MX'],
    ['txt.lab.test', 'TXT'], ['_sip._udp.lab.test', 'SRV'], ['60.0.77.10.in-addr.arpa', 'PTR'], ['lab.test', 'CAA'],
    ['svc.lab.test', 'HTTPS'], ['addr.lab.test', 'A'], ['missing.lab.test', 'A'], ['example.com', 'A'],
  ] },
  { label: 'udp-dnssec', server: 'v4', flags: ['+dnssec'], queries: [['host.lab.test', 'A']] },
  { label: 'udp-noedns', server: 'v4', flags: ['+noedns'], queries: [['www.lab.test', 'AAAA']] },
  { label: 'tcp-keepopen', server: 'v4', flags: ['+tcp', '+keepopen'], queries: [
    ['host.lab.test', 'A'], ['lab.test', 'MX'], ['txt.lab.test', 'TXT'], ['missing.lab.test', 'AAAA'],
  ] },
  { label: 'udp-v6', server: 'v6', flags: [], queries: [['host.lab.test', 'AAAA'], ['_sip._udp.lab.test', 'SRV']] },
];

export const QUERY_COUNT = DIG_RUNS.reduce((n, r) => n + r.queries.length, 0);

export interface DnsScenario {
  readonly pcap: string;
  readonly digOutput: string;
}

/** Builds the lab, serves, queries and captures on cli's veth; the lab is always torn down. */
export async function recordDnsScenario(dir: string): Promise<DnsScenario> {
  const lab = await NetnsLab.create();
  try {
    const dnsmasq = lab.background(lab.srv, 'dnsmasq', 'dnsmasq', dnsmasqArgs(dir, `${lab.srv.v4},${lab.srv.v6}`));
    await lab.waitListening(lab.srv, 'udp', 53, dnsmasq, lab.srv.v4);
    await lab.waitListening(lab.srv, 'tcp', 53, dnsmasq, lab.srv.v4);
    const pcap = join(dir, 'dns.pcap');
    const capture = await Capture.start(lab, lab.cli, pcap);
    let digOutput = '';
    for (const run of DIG_RUNS) {
      const server = run.server === 'v4' ? lab.srv.v4 : lab.srv.v6;
      const args = [`@${server}`, '+tries=1', '+time=3', ...run.flags, ...run.queries.flat()];
      const result = await lab.execOk(lab.cli, 'dig', args);
      digOutput += `;; ---- ${run.label}\n${result.stdout}`;
    }
    await capture.stop();
    return { pcap, digOutput };
  } finally {
    await lab.destroy();
  }
}
