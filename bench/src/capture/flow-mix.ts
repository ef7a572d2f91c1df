// Which flow a freed slot gets next: the protocol mix, addresses, ports and sizes, drawn from the seeded generator.
import { serverV4 } from './addresses.js';
import { QTYPE_A, QTYPE_AAAA, QTYPE_HTTPS } from './dns-message.js';
import { HTTP_GET, HTTP_RESPONSE_HEAD } from './payloads.js';
import { elephantResponseBytes, logUniform, mouseResponseBytes, requestBytes, type Rng } from './sizes.js';
import { Bit, Kind, type Slots } from './slots.js';
import { TcpPhase } from './tcp-script.js';

export const CLIENTS = 4000;
export const SERVERS = 20_000;

export class FlowMix {
  constructor(
    private readonly s: Slots,
    private readonly rng: Rng,
  ) {}

  /**
   * Puts a new flow in slot i. Elephant slots carry bulk transfers: 85 % TCP downloads of
   * 256 KB–16 MB, 15 % long QUIC/RTP streams. Other slots: 50 % DNS, 38 % short TCP
   * (1–3 request/response rounds), 7 % ICMP echo runs, 5 % short UDP streams.
   */
  start(i: number, elephant: boolean): void {
    const { s, rng } = this;
    const r = rng() % 100;
    const v6 = rng() % 100 < 20;
    const vlan = rng() % 100 < 10;
    s.bits[i] = v6 ? Bit.V6 : 0;
    s.vlan[i] = vlan ? 100 + (rng() % 8) : 0;
    s.client[i] = rng() % CLIENTS;
    s.server[i] = logUniform(rng, 1, SERVERS) - 1; // a few popular servers, a long tail
    s.cport[i] = 32768 + (rng() % 28232); // Linux ephemeral range
    s.phase[i] = 0;
    s.unacked[i] = 0;
    s.retx[i] = 0;
    s.tag[i] = rng();
    if (elephant) {
      if (r < 85) this.tcp(i, 1, elephantResponseBytes(rng));
      else this.udpStream(i, 500 + (rng() % 4500));
    } else if (r < 50) this.dns(i);
    else if (r < 88) this.tcp(i, 1 + (rng() % 3), mouseResponseBytes(rng));
    else if (r < 95) this.icmp(i);
    else this.udpStream(i, 10 + (rng() % 50));
  }

  private tcp(i: number, rounds: number, response: number): void {
    const { s, rng } = this;
    const r = rng() % 1000;
    const http = rng() % 100 < 15;
    s.kind[i] = Kind.TCP;
    s.sport[i] = http ? 80 : 443;
    let bits = s.bits[i] as number;
    if (http) bits |= Bit.HTTP;
    if (r < 20) bits |= Bit.REFUSED;
    else if (r < 100) bits |= Bit.RST_CLOSE | (r < 60 ? Bit.CLIENT_RST : 0);
    s.bits[i] = bits;
    s.phase[i] = TcpPhase.SYN;
    s.cseq[i] = rng();
    s.sseq[i] = rng();
    s.rounds[i] = rounds;
    s.reqLeft[i] = http ? HTTP_GET.length : requestBytes(rng, true);
    s.respLeft[i] = response + (http ? HTTP_RESPONSE_HEAD.length : 0);
  }

  private dns(i: number): void {
    const { s, rng } = this;
    const v6 = ((s.bits[i] as number) & Bit.V6) !== 0;
    const r = rng() % 100;
    s.kind[i] = Kind.DNS;
    s.sport[i] = 53;
    s.server[i] = rng() % (v6 ? 2 : 3); // resolver index
    s.reqLeft[i] = logUniform(rng, 1, 2048) - 1; // popular names repeat
    s.respLeft[i] = r < 70 ? QTYPE_A : r < 95 ? QTYPE_AAAA : QTYPE_HTTPS;
    s.rounds[i] = rng() & 0xffff;
    s.unacked[i] = rng() % 100 < 5 ? 3 : 0; // NXDOMAIN
    s.tag[i] = serverV4(rng() % SERVERS);
    if (rng() % 100 < 2) s.bits[i] = (s.bits[i] as number) | Bit.UNANSWERED;
  }

  private udpStream(i: number, packets: number): void {
    const { s, rng } = this;
    s.kind[i] = Kind.UDP_STREAM;
    s.sport[i] = rng() % 10 < 7 ? 443 : 5004;
    s.reqLeft[i] = packets;
    s.rounds[i] = rng() & 0xffff; // RTP sequence number
  }

  private icmp(i: number): void {
    const { s, rng } = this;
    s.kind[i] = Kind.ICMP;
    s.sport[i] = 0;
    s.cport[i] = 0;
    s.reqLeft[i] = 3 + (rng() % 8);
    s.rounds[i] = 1;
    s.tag[i] = rng() & 0xffff;
    if (rng() % 100 < 5) s.bits[i] = (s.bits[i] as number) | Bit.UNANSWERED;
  }
}
