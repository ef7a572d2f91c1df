// The lab's servers: python3 http.server, openssl s_server, a tiny DNS responder, iperf3; each waits until it listens.
import { join } from 'node:path';
import type { LabHost, NetnsLab } from '@netwatch/packet/testing/lab/netns-lab';
import type { Background } from '@netwatch/packet/testing/lab/process';

// http.server speaks HTTP/1.0 by default, which closes after every response; HTTP/1.1 gives keep-alive.
const HTTP_SERVER = `
import http.server, os, sys
os.chdir(sys.argv[1])
http.server.test(HandlerClass=http.server.SimpleHTTPRequestHandler,
                 ServerClass=http.server.ThreadingHTTPServer,
                 protocol='HTTP/1.1', port=int(sys.argv[2]), bind=sys.argv[3])
`;

/** python3's http.server serving `dir` with HTTP/1.1 (keep-alive) on `address`:`port`. */
export async function startHttpServer(
  lab: NetnsLab, host: LabHost, dir: string, address: string, port: number,
): Promise<Background> {
  const server = lab.background(host, 'http.server', 'python3', ['-u', '-c', HTTP_SERVER, dir, String(port), address]);
  await lab.waitListening(host, 'tcp', port, server, address);
  return server;
}

// RFC 1035 §4.1: echo the id and question, set QR/AA (and RD if asked), answer A/AAAA with a
// documentation address (RFC 5737 / RFC 3849) that is only ever data in the reply, never contacted.
const DNS_RESPONDER = `
import socket, struct, sys, time
family = socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET
s = socket.socket(family, socket.SOCK_DGRAM)
s.bind((sys.argv[1], int(sys.argv[2])))
s.settimeout(1.0)
deadline = time.time() + float(sys.argv[3])
while time.time() < deadline:
    try:
        q, peer = s.recvfrom(4096)
    except socket.timeout:
        continue
    if len(q) < 12:
        continue
    qid, flags = struct.unpack('!HH', q[:4])
    i = 12
    while i < len(q) and q[i] != 0:
        i += 1 + q[i]
    end = i + 5
    question = q[12:end]
    qtype = struct.unpack('!H', q[i + 1:i + 3])[0] if end <= len(q) else 0
    if qtype == 1:
        answer = b'\\xc0\\x0c' + struct.pack('!HHIH', 1, 1, 60, 4) + socket.inet_pton(socket.AF_INET, '192.0.2.7')
    elif qtype == 28:
        answer = b'\\xc0\\x0c' + struct.pack('!HHIH', 28, 1, 60, 16) + socket.inet_pton(socket.AF_INET6, '2001:db8::7')
    else:
        answer = b''
    header = struct.pack('!HHHHHH', qid, 0x8400 | (flags & 0x0100), 1, 1 if answer else 0, 0, 0)
    s.sendto(header + question + answer, peer)
`;

/** A UDP DNS responder (dnsmasq is not installed here) that answers every A/AAAA query; exits after `lifetimeS`. */
export async function startDnsResponder(
  lab: NetnsLab, host: LabHost, address: string, port: number, lifetimeS = 30,
): Promise<Background> {
  const server = lab.background(host, 'dns responder', 'python3',
    ['-u', '-c', DNS_RESPONDER, address, String(port), String(lifetimeS)]);
  await lab.waitListening(host, 'udp', port, server, address);
  return server;
}

/** A throwaway self-signed P-256 certificate and key in `dir`, made at test time. */
export async function makeCertificate(
  lab: NetnsLab, host: LabHost, dir: string,
): Promise<{ cert: string; key: string }> {
  const cert = join(dir, 'lab-cert.pem');
  const key = join(dir, 'lab-key.pem');
  await lab.execOk(host, 'openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=lab.nwc.test', '-days', '1']);
  return { cert, key };
}

/** openssl s_server answering `-www` status pages; it exits by itself after `connections` clients. */
export async function startTlsServer(
  lab: NetnsLab, host: LabHost, files: { cert: string; key: string }, port: number, connections: number,
): Promise<Background> {
  const server = lab.background(host, 's_server', 'openssl', ['s_server', '-accept', String(port), '-cert', files.cert,
    '-key', files.key, '-www', '-naccept', String(connections)]);
  await lab.waitListening(host, 'tcp', port, server);
  return server;
}

/** iperf3 server for exactly one test (-1) bound to `address`. */
export async function startIperfServer(
  lab: NetnsLab, host: LabHost, address: string, port: number,
): Promise<Background> {
  const server = lab.background(host, 'iperf3 -s', 'iperf3', ['-s', '-1', '-B', address, '-p', String(port)]);
  await lab.waitListening(host, 'tcp', port, server, address);
  return server;
}
