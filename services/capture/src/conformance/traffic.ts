// The lab's clients: curl, openssl s_client, dig, iperf3, nmap and ping, each bounded in count and time.
import type { LabHost, NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import type { RunResult } from '@netwatch/packet/testing/lab/process';

/** `http://host:port` with IPv6 literals bracketed (RFC 3986 §3.2.2). */
export function httpBase(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** One curl process fetching every path over one keep-alive connection (curl reuses it for the same host). */
export function curl(lab: NetnsLab, host: LabHost, urls: readonly string[], extra: readonly string[] = []) {
  const outputs = urls.flatMap(() => ['-o', '/dev/null']);
  return lab.execOk(host, 'curl', ['-sS', '-g', '--max-time', '10', ...extra, ...outputs, ...urls],
    { timeoutMs: 15_000 });
}

/**
 * One HTTP/1.0 GET through socat from a fixed local port. `ignoreeof` keeps socat from half-closing
 * when its input ends, so the server (HTTP/1.0: close after the response) always sends the first
 * FIN and holds TIME_WAIT, and the client may bind the same port again at once. (curl
 * --local-port raced: when curl's FIN went first, its own TIME_WAIT made the next bind fail.)
 */
export function httpGetFromPort(lab: NetnsLab, host: LabHost, server: string, port: number, localPort: number) {
  return lab.execOk(host, 'socat', ['-t', '2', 'STDIO,ignoreeof', `TCP:${server}:${port},bind=${host.v4}:${localPort}`],
    { timeoutMs: 10_000, input: 'GET /small.txt HTTP/1.0\r\n\r\n' });
}

/** One TLS connection: handshake, one HTTP/1.0 GET, then the server's close (-quiet implies -ign_eof). */
export function tlsClient(lab: NetnsLab, host: LabHost, address: string, port: number, extra: readonly string[] = []) {
  const target = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  return lab.execOk(host, 'openssl', ['s_client', '-connect', target, '-servername', 'lab.nwc.test', '-quiet', ...extra],
    { timeoutMs: 10_000, input: 'GET / HTTP/1.0\r\n\r\n' });
}

/** One UDP DNS query, one try; the caller decides what an unanswered query means. */
export function dig(
  lab: NetnsLab, host: LabHost, server: string, port: number, name: string, type: string,
): Promise<RunResult> {
  return lab.exec(host, 'dig', [`@${server}`, '-p', String(port), '+notcp', '+tries=1', '+time=2', name, type],
    { timeoutMs: 10_000 });
}

export interface IperfOptions {
  udp: boolean;
  /** Bits per second, iperf3 notation ("4M"). */
  rate?: string;
  /** Bytes per write (for UDP: per datagram). */
  length?: number;
}

/** An iperf3 test of one second, rate-limited so the capture stays a few megabytes. */
export function iperf(lab: NetnsLab, host: LabHost, server: string, port: number, options: IperfOptions) {
  const mode = options.udp
    ? ['-u', '-b', options.rate ?? '4M', '-l', String(options.length ?? 1200)]
    : ['-b', options.rate ?? '16M', ...(options.length === undefined ? [] : ['-l', String(options.length)])];
  return lab.execOk(host, 'iperf3', ['-c', server, '-p', String(port), '-t', '1', ...mode],
    { timeoutMs: 15_000 });
}

/** A TCP SYN scan of ports 1-200: no host discovery (-Pn), no DNS (-n), one retry at most. */
export function synScan(lab: NetnsLab, host: LabHost, target: string) {
  const family = target.includes(':') ? ['-6'] : [];
  return lab.execOk(host, 'nmap', [...family, '-sS', '-Pn', '-n', '-T4', '--max-retries', '1', '-p', '1-200', target],
    { timeoutMs: 30_000 });
}

/** Echo requests 200 ms apart (five by default); `size` bytes of payload beyond the MTU make fragments. */
export function ping(lab: NetnsLab, host: LabHost, target: string, options: { count?: number; size?: number } = {}) {
  const family = target.includes(':') ? '-6' : '-4';
  const size = options.size === undefined ? [] : ['-s', String(options.size)];
  return lab.execOk(host, 'ping', [family, '-n', '-c', String(options.count ?? 5), '-i', '0.2', '-W', '2', ...size, target],
    { timeoutMs: 10_000 });
}
