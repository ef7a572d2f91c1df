// The TLS sensor as a packet analyzer: reassembled TCP → handshakes → netwatch.tls.v1, one event per handshake.
import type { AnalyzerContext, PacketAnalyzer, PacketView } from '@netwatch/packet';
import { HomeNet } from '@netwatch/packet/home-net';
import { packetTime } from '@netwatch/packet/iso-time';
import { type TcpStream, TcpStreams } from '@netwatch/packet/reassembly/tcp-streams';
import { topics } from '@netwatch/schemas';
import { type TlsConfig, tlsConfigFromProcess } from './tls-config.js';
import { TlsConnection } from './tls-connection.js';
import { buildTlsEvent } from './tls-event.js';
import { registerTlsMetrics } from './tls-metrics.js';
import { emptyTlsStats, type TlsStats } from './tls-stats.js';

export interface TlsAnalyzer extends PacketAnalyzer {
  readonly stats: TlsStats;
  readonly streams: TcpStreams;
}

/** Marks a connection whose event is out, so its end publishes nothing more. */
const PUBLISHED = Symbol('published');

/** What the first client bytes look like, checked in place before anything is allocated. */
function sniff(data: Uint8Array, offset: number, length: number): 'tls' | 'sslv2' | 'other' {
  const first = data[offset] as number;
  // A handshake record (22) of major version 3 (RFC 8446 §5.1, RFC 5246 §6.2.1).
  if (first === 22) return length < 2 || data[offset + 1] === 3 ? 'tls' : 'other';
  // SSL 2.0 CLIENT-HELLO (RFC 5246 Appendix E.2): 2-byte length with the high bit set, msg_type 1.
  if ((first & 0x80) !== 0 && length >= 3 && data[offset + 2] === 1) return 'sslv2';
  return 'other';
}

/**
 * Follows every TCP connection whose client opens with a TLS handshake record, whatever the
 * port, and publishes one event per handshake: when the ServerHello (and, up to TLS 1.2, the
 * certificate) is in, or when the connection ends or times out with only a ClientHello.
 */
export function createTlsAnalyzer(ctx: AnalyzerContext, config?: TlsConfig): TlsAnalyzer {
  const settings = config ?? tlsConfigFromProcess();
  const stats = emptyTlsStats();
  const homeNet = new HomeNet(settings.homeNet);
  const interfaceNames = ctx.interfaceNames ?? [];
  let lastSec = 0;
  let lastNsec = 0;

  const publish = (stream: TcpStream, connection: TlsConnection, atSec: number, atNsec: number): void => {
    stream.state = PUBLISHED;
    const handshake = connection.handshake();
    if (handshake === undefined) return;
    if (handshake.serverHello === undefined) stats.clientOnly++;
    else stats.handshakes++;
    const event = buildTlsEvent(handshake, {
      client: stream.client,
      server: stream.server,
      ipVersion: stream.ipVersion,
      vlanId: stream.vlanId,
      communityId: stream.communityId,
      direction: homeNet.direction(stream.client.ip, stream.server.ip),
      interfaceName: interfaceNames[stream.interfaceIndex],
      start: packetTime(stream.startSec, stream.startNsec),
      end: packetTime(atSec, atNsec),
    }, ctx.observer);
    ctx.bus.publish(topics.tls, event);
  };

  const settle = (stream: TcpStream, connection: TlsConnection, view: PacketView | null): void => {
    if (connection.state === 'ready') {
      publish(stream, connection, view?.tsSec ?? lastSec, view?.tsNsec ?? lastNsec);
      streams.ignore(stream);
    } else if (connection.state === 'dropped') {
      streams.ignore(stream);
    } else {
      // Once per direction: ignore() resets the held-segment list, which must not happen per packet.
      if (!connection.clientActive && !stream.directions[0].ignored) streams.ignore(stream, true);
      if (!connection.serverActive && !stream.directions[1].ignored) streams.ignore(stream, false);
    }
  };

  const streams: TcpStreams = new TcpStreams({
    onData(stream, fromClient, data, offset, length, view) {
      let connection = stream.state;
      if (connection === undefined) {
        const kind = fromClient ? sniff(data, offset, length) : 'other';
        if (kind !== 'tls') {
          if (kind === 'sslv2') stats.sslv2Hellos++;
          else stats.notTls++;
          stream.state = PUBLISHED;
          streams.ignore(stream);
          return;
        }
        connection = new TlsConnection(settings.maxBufferBytes, stats);
        stream.state = connection;
      }
      if (!(connection instanceof TlsConnection)) return;
      connection.push(fromClient, data, offset, length);
      settle(stream, connection, view);
    },
    onGap(stream, fromClient) {
      const connection = stream.state;
      if (!(connection instanceof TlsConnection)) return;
      connection.onGap(fromClient);
      settle(stream, connection, null);
    },
    onEnd(stream) {
      const connection = stream.state;
      if (connection instanceof TlsConnection && connection.state !== 'dropped') {
        publish(stream, connection, lastSec, lastNsec);
      }
    },
  }, {
    maxStreams: settings.maxConnections,
    idleTimeoutSec: settings.idleTimeoutSec,
    communityIdSeed: settings.communityIdSeed,
  });

  if (ctx.metrics) registerTlsMetrics(ctx.metrics, () => stats, () => streams.stats.active);

  return {
    name: 'tls',
    stats,
    streams,
    onPacket: (view, packet, error) => {
      lastSec = view.tsSec;
      lastNsec = view.tsNsec;
      streams.onPacket(view, packet, error);
    },
    onTime: (tsSec) => streams.advance(tsSec),
    finish: () => streams.finish(),
  };
}
