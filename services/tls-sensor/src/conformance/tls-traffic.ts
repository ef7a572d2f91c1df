// Real TLS traffic in a NetnsLab: openssl s_server and gnutls-serv in srv; s_client, gnutls-cli and curl from cli.
import { join } from 'node:path';
import { Capture, type CaptureStats } from '@netwatch/packet/testing/lab/lab-capture';
import type { NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import { type Background, runOk } from '@netwatch/packet/testing/lab/process';
import { sleep } from '@netwatch/packet/testing/lab/wait';

/** Ports the servers listen on (tshark is told they carry TLS). */
export const PORTS = { openssl: 4433, hrr: 4434, opensslV6: 4435, gnutls: 5556 } as const;

export interface Client {
  readonly label: string;
  readonly cmd: string;
  readonly args: readonly string[];
}

/** A long ALPN list (RFC 7301 allows 2^16-1 bytes) pushes the ClientHello past one TCP segment. */
const longAlpn = ['h2', 'http/1.1', ...Array.from({ length: 8 }, (_, i) => `x-${String(i)}-${'a'.repeat(190)}`)].join(',');
const longName = `${'l'.repeat(60)}.${'o'.repeat(60)}.${'n'.repeat(60)}.${'g'.repeat(50)}.lab.test`;

/** The handshakes to make, in order; `dir` holds the session file of the resumption pair. */
export function clients(lab: NetnsLab, dir: string): Client[] {
  const srv = lab.srv.v4;
  const sClient = (label: string, ...args: string[]): Client =>
    ({ label, cmd: 'openssl', args: ['s_client', '-connect', `${srv}:${PORTS.openssl}`, ...args] });
  const session = join(dir, 'session.pem');
  const gnutls = (label: string, port: number, ...args: string[]): Client =>
    ({ label, cmd: 'gnutls-cli', args: ['--insecure', '--port', String(port), ...args, srv] });
  const curl = (label: string, ...args: string[]): Client => ({ label, cmd: 'curl', args: ['-k', '-s', '-o', '/dev/null',
    '--max-time', '5', '--resolve', `${label}.lab.test:${PORTS.openssl}:${srv}`, ...args,
    `https://${label}.lab.test:${PORTS.openssl}/`] });
  return [
    sClient('tls13-alpn', '-tls1_3', '-servername', 'tls13.lab.test', '-alpn', 'h2,http/1.1'),
    sClient('tls12-p384', '-tls1_2', '-servername', 'tls12.lab.test', '-cipher', 'ECDHE-RSA-AES256-GCM-SHA384',
      '-curves', 'secp384r1'),
    sClient('tls12-rsa-kx-no-sni', '-tls1_2', '-cipher', 'AES128-SHA', '-noservername'),
    sClient('tls11', '-tls1_1', '-cipher', 'DEFAULT:@SECLEVEL=0', '-servername', 'tls11.lab.test'),
    sClient('tls10', '-tls1', '-cipher', 'DEFAULT:@SECLEVEL=0', '-servername', 'tls10.lab.test'),
    sClient('tls13-chacha-x448', '-tls1_3', '-ciphersuites', 'TLS_CHACHA20_POLY1305_SHA256', '-groups', 'x448:x25519',
      '-servername', 'chacha.lab.test'),
    { label: 'hrr', cmd: 'openssl', args: ['s_client', '-connect', `${srv}:${PORTS.hrr}`, '-tls1_3', '-groups',
      'X25519:P-256', '-servername', 'hrr.lab.test'] },
    sClient('big-hello', '-tls1_2', '-cipher', 'ALL:@SECLEVEL=0', '-servername', longName, '-alpn', longAlpn,
      '-max_send_frag', '512'),
    { label: 'ipv6', cmd: 'openssl', args: ['s_client', '-connect', `[${lab.srv.v6}]:${PORTS.opensslV6}`,
      '-servername', 'v6.lab.test'] },
    sClient('resume-first', '-tls1_2', '-servername', 'resume.lab.test', '-sess_out', session),
    sClient('resume-second', '-tls1_2', '-servername', 'resume.lab.test', '-sess_in', session),
    curl('curl'),
    curl('curl12', '--tlsv1.2', '--tls-max', '1.2', '--http1.1'),
    gnutls('gnutls13', PORTS.gnutls, '--sni-hostname', 'gnutls.lab.test', '--alpn', 'h2'),
    gnutls('gnutls12', PORTS.gnutls, '--priority', 'NORMAL:-VERS-ALL:+VERS-TLS1.2', '--sni-hostname', 'g12.lab.test'),
    gnutls('gnutls-to-openssl', PORTS.openssl, '--priority', 'NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2'),
  ];
}

async function startServers(lab: NetnsLab, dir: string): Promise<Background[]> {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  await runOk('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30',
    '-subj', '/C=DE/ST=Hessen/O=Netwatch Lab, Test/CN=lab.test'], { timeoutMs: 30_000 });
  const common = ['-cert', cert, '-key', key, '-www', '-cipher', 'ALL:@SECLEVEL=0'];
  const main = lab.background(lab.srv, 's_server', 'openssl', ['s_server', '-accept', String(PORTS.openssl),
    ...common, '-alpn', 'http/1.1']);
  const v6 = lab.background(lab.srv, 's_server v6', 'openssl', ['s_server', '-accept', `[::]:${PORTS.opensslV6}`,
    ...common]);
  const hrr = lab.background(lab.srv, 's_server hrr', 'openssl', ['s_server', '-accept', String(PORTS.hrr), ...common,
    '-groups', 'P-256']);
  const gnutls = lab.background(lab.srv, 'gnutls-serv', 'gnutls-serv', ['--x509certfile', cert, '--x509keyfile', key,
    '--port', String(PORTS.gnutls), '--alpn', 'h2']);
  await lab.waitListening(lab.srv, 'tcp', PORTS.openssl, main);
  await lab.waitListening(lab.srv, 'tcp', PORTS.hrr, hrr);
  await lab.waitListening(lab.srv, 'tcp', PORTS.opensslV6, v6);
  await lab.waitListening(lab.srv, 'tcp', PORTS.gnutls, gnutls);
  return [main, hrr, v6, gnutls];
}

export interface TlsRecording {
  readonly path: string;
  readonly stats: CaptureStats;
  /** Client exit statuses by label (curl fails on the HTTP/2 preface to an HTTP/1 server: the handshake is what counts). */
  readonly exits: Record<string, number | null>;
}

/** Runs every client one after another against the servers and records it all on the client's veth. */
export async function recordTlsTraffic(lab: NetnsLab, dir: string): Promise<TlsRecording> {
  let servers: Background[] = [];
  let capture: Capture | undefined;
  try {
    // The veth hands TCP super-segments (GSO) to tcpdump as one frame; one segment per skb makes the
    // capture show what a real NIC puts on the wire, so the big ClientHello really spans segments.
    for (const host of [lab.cli, lab.srv]) await lab.execOk(host, 'ip', ['link', 'set', 'dev', host.ifname, 'gso_max_segs', '1']);
    servers = await startServers(lab, dir);
    const path = join(dir, 'tls.pcap');
    capture = await Capture.start(lab, lab.cli, path);
    const exits: Record<string, number | null> = {};
    for (const client of clients(lab, dir)) {
      const result = await lab.exec(lab.cli, client.cmd, client.args, { input: '', timeoutMs: 10_000 });
      exits[client.label] = result.code;
    }
    await sleep(300);
    const stats = await capture.stop();
    capture = undefined;
    return { path, stats, exits };
  } finally {
    await capture?.stop().catch(() => undefined);
    await Promise.all(servers.map((server) => server.stop('SIGTERM', 2000)));
  }
}
