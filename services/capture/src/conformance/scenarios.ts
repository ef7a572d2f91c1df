// The traffic each conformance capture holds: servers start before the capture, clients run during it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addVlanTag, startAtServerData, truncateToPcapng } from './capture-rewrite.js';
import type { Transport } from './conversation.js';
import type { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import type { Background } from '@netwatch/packet/testing/lab/process';
import { startDnsResponder, startHttpServer, startIperfServer, startTlsServer, makeCertificate } from './servers.js';
import { curl, dig, httpBase, httpGetFromPort, iperf, ping, synScan, tlsClient } from './traffic.js';

export interface ScenarioContext {
  readonly lab: NetnsLab;
  /** Private temp dir for this scenario: served files, certificates. */
  readonly dir: string;
}

export interface Scenario {
  readonly name: string;
  /**
   * How many conversations tshark must find, per transport: exact for TCP, UDP and ICMP, a minimum
   * for ICMPv6, where neighbour discovery, MLD reports and router solicitations come and go.
   * It keeps a comparison from passing on an empty or cut-short capture.
   */
  readonly expect: Partial<Record<Transport, number>>;
  /** Starts what must be listening before the capture begins. */
  servers(ctx: ScenarioContext): Promise<Background[]>;
  /** Makes the traffic that is captured. */
  traffic(ctx: ScenarioContext): Promise<void>;
  /** Turns the raw capture into the one compared, when the lab cannot produce it directly. */
  rewrite?(from: string, to: string): Promise<void>;
  /** File format of the capture compared (tcpdump writes pcap; a rewrite may change it). */
  readonly format?: 'pcap' | 'pcapng';
}

const noServers = async (): Promise<Background[]> => [];

function webRoot(dir: string): string {
  // Deterministic content: a small page and one large enough for many full-size segments.
  writeFileSync(join(dir, 'small.txt'), 'netwatch conformance\n'.repeat(20));
  writeFileSync(join(dir, 'large.bin'), Buffer.alloc(200_000, 0x6e));
  return dir;
}

const httpServer = (family: 'v4' | 'v6', port = 8080) => async ({ lab, dir }: ScenarioContext) =>
  [await startHttpServer(lab, lab.srv, webRoot(dir), lab.srv[family], port)];

// Five connections: three requests on one keep-alive connection, two single ones (one with
// "Connection: close"), and a 404, after which http.server closes, so the next request reconnects.
function httpScenario(name: string, family: 'v4' | 'v6'): Scenario {
  return {
    name,
    expect: { tcp: 5 },
    servers: httpServer(family),
    traffic: async ({ lab }) => {
      const base = httpBase(lab.srv[family], 8080);
      await curl(lab, lab.cli, [`${base}/small.txt`, `${base}/large.bin`, `${base}/`]);
      await curl(lab, lab.cli, [`${base}/small.txt`]);
      await curl(lab, lab.cli, [`${base}/large.bin`], ['-H', 'Connection: close']);
      await curl(lab, lab.cli, [`${base}/missing`, `${base}/small.txt`]);
    },
  };
}

const tls: Scenario = {
  name: 'tls',
  expect: { tcp: 2 },
  servers: async ({ lab, dir }) => {
    const files = await makeCertificate(lab, lab.srv, dir);
    return [await startTlsServer(lab, lab.srv, files, 4433, 2)];
  },
  traffic: async ({ lab }) => {
    await tlsClient(lab, lab.cli, lab.srv.v4, 4433);
    await tlsClient(lab, lab.cli, lab.srv.v4, 4433, ['-tls1_2']);
  },
};

// dig picks a new source port per query: four UDP conversations.
const dns: Scenario = {
  name: 'dns',
  expect: { udp: 4 },
  servers: async ({ lab }) => [
    await startDnsResponder(lab, lab.srv, lab.srv.v4, 53),
    await startDnsResponder(lab, lab.srv, lab.srv.v6, 53),
  ],
  traffic: async ({ lab }) => {
    for (const [server, name, type] of [
      [lab.srv.v4, 'www.lab.nwc.test', 'A'],
      [lab.srv.v4, 'www.lab.nwc.test', 'AAAA'],
      [lab.srv.v4, 'mail.lab.nwc.test', 'MX'],
      [lab.srv.v6, 'v6.lab.nwc.test', 'AAAA'],
    ] as const) {
      const answer = await dig(lab, lab.cli, server, 53, name, type);
      if (answer.code !== 0) throw new Error(`dig ${name} ${type} @${server}: exit ${answer.code}\n${answer.stdout}`);
    }
  },
};

// Nothing listens on 5399: each query is answered by ICMP / ICMPv6 port unreachable quoting it.
const udpUnreachable: Scenario = {
  name: 'udp-unreachable',
  expect: { udp: 2, icmp: 1, 'ipv6-icmp': 1 },
  servers: noServers,
  traffic: async ({ lab }) => {
    for (const server of [lab.srv.v4, lab.srv.v6]) {
      const answer = await dig(lab, lab.cli, server, 5399, 'closed.lab.nwc.test', 'A');
      if (answer.code === 0) throw new Error(`dig @${server} -p 5399 got an answer from a closed port`);
    }
  },
};

// iperf3 runs a TCP control connection beside the test's data connection or UDP stream.
function iperfScenario(name: string, udp: boolean): Scenario {
  return {
    name,
    expect: udp ? { tcp: 1, udp: 1 } : { tcp: 2 },
    servers: async ({ lab }) => [await startIperfServer(lab, lab.srv, lab.srv.v4, 5201)],
    traffic: async ({ lab }) => void (await iperf(lab, lab.cli, lab.srv.v4, 5201, { udp })),
  };
}

// One open port (80) among 200: SYN/SYN-ACK/RST there, SYN/RST-ACK everywhere else.
const synScanScenario: Scenario = {
  name: 'nmap-syn-scan',
  expect: { tcp: 200 },
  servers: httpServer('v4', 80),
  traffic: async ({ lab }) => void (await synScan(lab, lab.cli, lab.srv.v4)),
};

// Two ping processes (two echo identifiers): Community ID, and so both tools, make it one conversation.
const pingV4: Scenario = {
  name: 'ping-v4',
  expect: { icmp: 1 },
  servers: noServers,
  traffic: async ({ lab }) => {
    await ping(lab, lab.cli, lab.srv.v4);
    await ping(lab, lab.cli, lab.srv.v4);
  },
};

const pingV6: Scenario = {
  name: 'ping-v6',
  expect: { 'ipv6-icmp': 1 },
  servers: noServers,
  traffic: async ({ lab }) => void (await ping(lab, lab.cli, lab.srv.v6)),
};

// The same client port three times in a row (the server closes first and holds TIME_WAIT; Linux
// accepts a new SYN into it, RFC 6191): three TCP connections on one 5-tuple.
const tcpPortReuse: Scenario = {
  name: 'tcp-port-reuse',
  expect: { tcp: 3 },
  servers: httpServer('v4'),
  traffic: async ({ lab }) => {
    for (let i = 0; i < 3; i++) await httpGetFromPort(lab, lab.cli, lab.srv.v4, 8080, 40123);
  },
};

// The kernel here has no 802.1Q module, so the tag is added offline by a real tool (tcprewrite)
// to every frame of real HTTP and ping traffic.
const vlan: Scenario = {
  name: 'vlan',
  expect: { tcp: 1, icmp: 1, 'ipv6-icmp': 1 },
  servers: httpServer('v4'),
  traffic: async ({ lab }) => {
    await curl(lab, lab.cli, [`${httpBase(lab.srv.v4, 8080)}/small.txt`]);
    await ping(lab, lab.cli, lab.srv.v4);
    await ping(lab, lab.cli, lab.srv.v6);
  },
  rewrite: addVlanTag,
};

// Datagrams larger than the 1500-byte MTU: IPv4 and IPv6 fragments of echo requests and replies,
// and of iperf3's 3000-byte UDP datagrams.
const fragments: Scenario = {
  name: 'fragments',
  expect: { tcp: 1, udp: 1, icmp: 1, 'ipv6-icmp': 1 },
  servers: async ({ lab }) => [await startIperfServer(lab, lab.srv, lab.srv.v4, 5201)],
  traffic: async ({ lab }) => {
    await ping(lab, lab.cli, lab.srv.v4, { size: 3000, count: 3 });
    await ping(lab, lab.cli, lab.srv.v6, { size: 3000, count: 3 });
    await iperf(lab, lab.cli, lab.srv.v4, 5201, { udp: true, length: 3000, rate: '100k' });
  },
};

// Frames cut to 96 stored bytes in a pcapng file (editcap), as a sensor with a short snaplen keeps
// them: byte counts must still be the lengths on the wire, not the bytes stored.
const snaplen: Scenario = {
  ...httpScenario('snaplen-96-pcapng', 'v4'),
  rewrite: (from, to) => truncateToPcapng(from, to, 96),
  format: 'pcapng',
};

// A download whose capture "starts late": everything before the server's first data is cut.
const midStream: Scenario = {
  name: 'tcp-mid-stream',
  expect: { tcp: 1 },
  servers: httpServer('v4'),
  traffic: async ({ lab }) => void (await curl(lab, lab.cli, [`${httpBase(lab.srv.v4, 8080)}/large.bin`])),
  rewrite: async (from, to) => void (await startAtServerData(from, to, 8080)),
};

export const scenarios: readonly Scenario[] = [
  httpScenario('http-v4', 'v4'),
  httpScenario('http-v6', 'v6'),
  tls,
  dns,
  udpUnreachable,
  iperfScenario('iperf3-tcp', false),
  iperfScenario('iperf3-udp', true),
  synScanScenario,
  pingV4,
  pingV6,
  tcpPortReuse,
  vlan,
  fragments,
  snaplen,
  midStream,
];

export function scenario(name: string): Scenario {
  const found = scenarios.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}
