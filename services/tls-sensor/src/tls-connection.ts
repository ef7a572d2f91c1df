// One TCP connection's TLS handshake: both directions' record readers and what the hellos and certificate said.
import { describeLeafCertificate, type LeafCertificate } from './certificate/leaf-certificate.js';
import { parseCertificateList } from './certificate/certificate-message.js';
import { parseClientHello } from './hello/client-hello.js';
import { type ClientHello, HandshakeType, type MalformedReason, type ServerHello } from './hello/hello-types.js';
import { keyExchangeNamesCurve, serverKeyExchangeGroup } from './hello/server-key-exchange.js';
import { parseServerHello } from './hello/server-hello.js';
import { ContentType, type ReadResult, RecordReader } from './record/record-reader.js';
import type { TlsStats } from './tls-stats.js';

/** Where a connection stands after a push: keep feeding, stop one side, publish, or drop it silently. */
export type ConnectionState = 'collecting' | 'ready' | 'dropped';

/** What the event is built from. */
export interface Handshake {
  /** The ClientHello the final handshake used: after an HRR, the second one (RFC 8446 §4.1.4). */
  readonly clientHello: ClientHello;
  /** The first ClientHello when an HRR made the client send a second. */
  readonly firstClientHello?: ClientHello;
  readonly serverHello?: ServerHello;
  /** The group an HRR asked for (RFC 8446 §4.2.8). */
  readonly retryGroup?: number;
  readonly helloRetryRequest: boolean;
  readonly certificate?: LeafCertificate;
  readonly certificateCount?: number;
  /** TLS ≤ 1.2 ECDHE: the group the ServerKeyExchange names (TLS 1.3 has it in the ServerHello's key_share). */
  readonly keyExchangeGroup?: number;
  /** Session resumed: ID echoed or CCS right after ServerHello (TLS ≤ 1.2), PSK accepted (1.3). */
  readonly resumed?: boolean;
}

const TLS13 = 0x0304;

/**
 * The handshake of one connection. The client side is read until its ClientHello (or, when it
 * offers TLS 1.3, until an HRR's second ClientHello could follow); the server side until the
 * ServerHello and, for TLS ≤ 1.2, the Certificate or whatever message replaces it, and for ECDHE
 * the ServerKeyExchange that names the curve.
 */
export class TlsConnection {
  state: ConnectionState = 'collecting';
  clientActive = true;
  serverActive = true;
  private readonly client: RecordReader;
  private readonly server: RecordReader;
  private clientHello: ClientHello | undefined;
  private firstClientHello: ClientHello | undefined;
  private serverHello: ServerHello | undefined;
  private retryGroup: number | undefined;
  private helloRetryRequest = false;
  private certificate: LeafCertificate | undefined;
  private certificateCount: number | undefined;
  private keyExchangeGroup: number | undefined;
  private resumed: boolean | undefined;

  constructor(maxBytes: number, private readonly stats: TlsStats) {
    this.client = new RecordReader({
      onHandshake: (type, b, start, length) => this.onClientMessage(type, b, start, length),
      onOtherRecord: (type) => this.onClientRecord(type),
    }, maxBytes);
    this.server = new RecordReader({
      onHandshake: (type, b, start, length) => this.onServerMessage(type, b, start, length),
      onOtherRecord: (type) => this.onServerRecord(type),
    }, maxBytes);
  }

  push(fromClient: boolean, data: Uint8Array, offset: number, length: number): ConnectionState {
    if (this.state !== 'collecting') return this.state;
    if (fromClient ? !this.clientActive : !this.serverActive) return this.state;
    // The server speaking first, or before any ClientHello, is not a TLS client we follow.
    if (!fromClient && this.clientHello === undefined) return this.drop();
    const result = (fromClient ? this.client : this.server).push(data, offset, length);
    this.settle(fromClient, result);
    return this.state;
  }

  /** A hole in one direction: its byte stream cannot be resynchronised. */
  onGap(fromClient: boolean): ConnectionState {
    if (this.state !== 'collecting' || (fromClient ? !this.clientActive : !this.serverActive)) return this.state;
    this.stats.gaps++;
    this.settle(fromClient, 'stop');
    return this.state;
  }

  /** The handshake seen so far, or undefined without a ClientHello. */
  handshake(): Handshake | undefined {
    if (this.clientHello === undefined) return undefined;
    return {
      clientHello: this.clientHello,
      firstClientHello: this.firstClientHello,
      serverHello: this.serverHello,
      retryGroup: this.retryGroup,
      helloRetryRequest: this.helloRetryRequest,
      certificate: this.certificate,
      certificateCount: this.certificateCount,
      keyExchangeGroup: this.keyExchangeGroup,
      resumed: this.resumed,
    };
  }

  private settle(fromClient: boolean, result: ReadResult): void {
    if (result === 'more') return;
    if (result === 'overflow') this.stats.overflows++;
    else if (result !== 'stop') this.stats.malformed[result]++;
    if (fromClient) this.clientActive = false;
    else this.serverActive = false;
    if (this.state !== 'collecting') return;
    // Without a usable ClientHello there is nothing to report.
    if (this.clientHello === undefined) {
      this.drop();
      return;
    }
    // The server side has ended (complete, broken or over the cap): publish what there is.
    if (!this.serverActive) this.state = 'ready';
  }

  private drop(): ConnectionState {
    this.state = 'dropped';
    this.clientActive = this.serverActive = false;
    return this.state;
  }

  private malformed(reason: MalformedReason): false {
    this.stats.malformed[reason]++;
    return false;
  }

  private onClientMessage(type: number, b: Buffer, start: number, length: number): boolean {
    if (type !== HandshakeType.CLIENT_HELLO) {
      // Only a ClientHello opens a handshake; later client messages mean we have what we need.
      return this.clientHello === undefined ? this.malformed('handshake_type') : false;
    }
    const hello = parseClientHello(b, start, start + length);
    if (typeof hello === 'string') return this.malformed(hello);
    if (hello.badExtensions > 0) this.stats.malformed.extension_body += hello.badExtensions;
    if (this.clientHello === undefined) {
      this.clientHello = hello;
    } else if (this.helloRetryRequest && this.firstClientHello === undefined) {
      this.firstClientHello = this.clientHello;
      this.clientHello = hello;
      return false;
    } else {
      return false;
    }
    // RFC 8446 §4.1.4: only a client offering TLS 1.3 can receive an HRR and send a second hello.
    return hello.supportedVersions?.includes(TLS13) === true;
  }

  /** TLS 1.3 compatibility mode sends CCS before the second ClientHello (RFC 8446 Appendix D.4); data ends it. */
  private onClientRecord(type: number): boolean {
    return type === ContentType.CHANGE_CIPHER_SPEC && this.serverHello === undefined;
  }

  private onServerMessage(type: number, b: Buffer, start: number, length: number): boolean {
    if (this.serverHello !== undefined) {
      // TLS ≤ 1.2 (RFC 5246 §7.3): Certificate, then for ECDHE the ServerKeyExchange naming the curve.
      const ecdhe = keyExchangeNamesCurve(this.serverHello.cipher);
      if (type === HandshakeType.CERTIFICATE) {
        this.readCertificate(b, start, length);
        return ecdhe;
      }
      if (type === HandshakeType.SERVER_KEY_EXCHANGE && ecdhe) {
        this.keyExchangeGroup = serverKeyExchangeGroup(b, start, start + length);
      }
      // A ticket right after the ServerHello is an abbreviated handshake (RFC 5077 §3.1, Figure 2).
      if (type === HandshakeType.NEW_SESSION_TICKET) this.resumed = true;
      return false;
    }
    if (type !== HandshakeType.SERVER_HELLO) return this.malformed('handshake_type');
    const hello = parseServerHello(b, start, start + length);
    if (typeof hello === 'string') return this.malformed(hello);
    if (hello.badExtensions > 0) this.stats.malformed.extension_body += hello.badExtensions;
    if (hello.helloRetryRequest) {
      if (this.helloRetryRequest) return this.malformed('unexpected_message'); // RFC 8446 §4.1.4: at most one
      this.helloRetryRequest = true;
      this.stats.helloRetryRequests++;
      this.retryGroup = hello.keyShareGroup;
      // Reopen the client side, which stopped after its first hello only if it could not get an HRR.
      return true;
    }
    this.serverHello = hello;
    if ((hello.selectedVersion ?? hello.version) === TLS13) {
      this.resumed = hello.pskAccepted;
      return false; // everything after the ServerHello is encrypted (RFC 8446 §2)
    }
    const offered = this.clientHello?.sessionId;
    this.resumed = offered !== undefined && offered.length > 0 && offered.equals(hello.sessionId);
    return !this.resumed;
  }

  /** A CCS right after a TLS ≤ 1.2 ServerHello: an abbreviated (resumed) handshake (RFC 5246 §7.3). */
  private onServerRecord(type: number): boolean {
    if (this.serverHello !== undefined && type === ContentType.CHANGE_CIPHER_SPEC) this.resumed = true;
    // HRR in compatibility mode is followed by a CCS; keep reading for the real ServerHello.
    return this.serverHello === undefined && this.helloRetryRequest && type === ContentType.CHANGE_CIPHER_SPEC;
  }

  private readCertificate(b: Buffer, start: number, length: number): void {
    const list = parseCertificateList(b, start, start + length);
    if (list === null) {
      this.stats.malformed.certificate++;
      return;
    }
    this.certificateCount = list.count;
    if (list.leaf === undefined) return;
    const leaf = describeLeafCertificate(list.leaf);
    if (leaf === null) this.stats.malformed.certificate++;
    else this.certificate = leaf;
  }
}
