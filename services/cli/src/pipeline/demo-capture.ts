// Generates the demo capture `netwatch start` plays by default: a small home network talking to the world.
import { PcapBufferWriter, seededRandom } from '@netwatch/packet';
import {
  dnsMessage,
  type Endpoint,
  icmpEchoFrame,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_SYN,
  tcpFrame,
  udpFrame,
} from './frames.js';

/** Remote services with public addresses (never contacted: these only appear in a generated file). */
const remotes = [
  { name: 'one.one.one.one', ip: '1.1.1.1' },
  { name: 'dns.google', ip: '8.8.8.8' },
  { name: 'dns.quad9.net', ip: '9.9.9.9' },
  { name: 'www.debian.org', ip: '151.101.2.132' },
  { name: 'github.com', ip: '140.82.121.4' },
  { name: 'www.bbc.co.uk', ip: '212.58.237.1' },
  { name: 'www.yandex.ru', ip: '77.88.55.242' },
  { name: 'www.naver.com', ip: '223.130.195.200' },
  { name: 'www.mercadolibre.com.ar', ip: '200.42.44.47' },
  { name: 'www.gov.za', ip: '196.22.132.41' },
  { name: 'www.abc.net.au', ip: '203.2.218.214' },
  { name: 'www.rakuten.co.jp', ip: '133.237.16.246' },
] as const;

const gatewayMac = '00:0d:b9:4a:11:01';
const hosts = Array.from({ length: 6 }, (_, i) => ({
  mac: `3c:22:fb:10:00:${(0x10 + i).toString(16)}`,
  ip: `192.168.1.${20 + i}`,
}));

export interface DemoOptions {
  /** Seconds of traffic (default 60). */
  readonly seconds?: number;
  /** Unix time of the first packet (default 2026-01-01T00:00:00Z). */
  readonly startSec?: number;
}

/** Builds the demo capture in memory: DNS lookups, then TCP sessions or pings to each answer. */
export function generateDemoCapture(options: DemoOptions = {}): Buffer {
  const rand = seededRandom(0x6e77);
  const writer = new PcapBufferWriter({ linktype: 1, snaplen: 65535 });
  const seconds = options.seconds ?? 60;
  let t = (options.startSec ?? 1_767_225_600) * 1e6; // microseconds
  const end = t + seconds * 1e6;
  let ipId = 1;
  const emit = (frame: Buffer, gapUs: number) => {
    t += gapUs;
    writer.write(frame, Math.floor(t / 1e6), Math.floor(t % 1e6) * 1000);
  };
  while (t < end) {
    const host = hosts[Math.floor(rand() * hosts.length)] as (typeof hosts)[number];
    const remote = remotes[Math.floor(rand() * remotes.length)] as (typeof remotes)[number];
    const client: Endpoint = {
      mac: host.mac,
      ip: host.ip,
      port: 49152 + Math.floor(rand() * 16000),
    };
    const resolver: Endpoint = { mac: gatewayMac, ip: '192.168.1.1', port: 53 };
    const id = Math.floor(rand() * 65535);
    emit(
      udpFrame(client, resolver, dnsMessage(id, remote.name), ipId++),
      20_000 + rand() * 200_000,
    );
    emit(
      udpFrame(resolver, client, dnsMessage(id, remote.name, remote.ip), ipId++),
      8_000 + rand() * 20_000,
    );
    const server: Endpoint = { mac: gatewayMac, ip: remote.ip, port: rand() < 0.8 ? 443 : 80 };
    if (rand() < 0.15) {
      for (let seq = 1; seq <= 3; seq++) {
        emit(icmpEchoFrame(client, server, 8, id, seq, ipId++), 5_000);
        emit(icmpEchoFrame(server, client, 0, id, seq, ipId++), 20_000 + rand() * 80_000);
      }
      continue;
    }
    const rtt = 10_000 + rand() * 150_000;
    let cseq = Math.floor(rand() * 2 ** 32);
    let sseq = Math.floor(rand() * 2 ** 32);
    emit(tcpFrame(client, server, { seq: cseq, ack: 0, flags: TCP_SYN, ipId: ipId++ }), 1_000);
    emit(
      tcpFrame(server, client, { seq: sseq, ack: cseq + 1, flags: TCP_SYN | TCP_ACK, ttl: 52 }),
      rtt,
    );
    cseq++;
    sseq++;
    emit(tcpFrame(client, server, { seq: cseq, ack: sseq, flags: TCP_ACK, ipId: ipId++ }), 200);
    const request = Buffer.from(`GET / HTTP/1.1\r\nHost: ${remote.name}\r\n\r\n`);
    emit(
      tcpFrame(client, server, {
        seq: cseq,
        ack: sseq,
        flags: TCP_PSH | TCP_ACK,
        payload: request,
        ipId: ipId++,
      }),
      300,
    );
    cseq += request.length;
    const segments = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < segments; i++) {
      const body = Buffer.alloc(1200 + Math.floor(rand() * 248), 0x2e);
      emit(
        tcpFrame(server, client, { seq: sseq, ack: cseq, flags: TCP_ACK, payload: body, ttl: 52 }),
        i === 0 ? rtt : 400,
      );
      sseq += body.length;
      if (i % 2 === 1)
        emit(tcpFrame(client, server, { seq: cseq, ack: sseq, flags: TCP_ACK, ipId: ipId++ }), 100);
    }
    emit(
      tcpFrame(client, server, { seq: cseq, ack: sseq, flags: TCP_FIN | TCP_ACK, ipId: ipId++ }),
      2_000,
    );
    emit(
      tcpFrame(server, client, { seq: sseq, ack: cseq + 1, flags: TCP_FIN | TCP_ACK, ttl: 52 }),
      rtt,
    );
    emit(
      tcpFrame(client, server, { seq: cseq + 1, ack: sseq + 1, flags: TCP_ACK, ipId: ipId++ }),
      200,
    );
  }
  return writer.toBuffer();
}
