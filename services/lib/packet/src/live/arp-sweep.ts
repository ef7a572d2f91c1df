// Active ARP sweep: one who-has per address of the configured IPv4 ranges, at a bounded rate, out of a live capture.
import { parseCidr } from '../home-net.js';

/** Largest range one sweep walks: a /16 (arp-scan's habit of sweeping whole /8s floods a LAN). */
export const MAX_SWEEP_ADDRESSES = 65_536;

/** The IPv4 addresses a sweep asks for, as 32-bit numbers; network and broadcast skipped below /31 (RFC 3021). */
export function sweepTargets(prefixes: readonly string[]): number[] {
  const targets: number[] = [];
  for (const text of prefixes) {
    const cidr = parseCidr(text);
    if (cidr.version !== 4) throw new RangeError(`"${text}": an ARP sweep needs an IPv4 prefix (ARP is IPv4 only)`);
    const size = 2 ** (32 - cidr.bits);
    if (targets.length + size > MAX_SWEEP_ADDRESSES) {
      throw new RangeError(`"${text}": the sweep would exceed ${MAX_SWEEP_ADDRESSES} addresses (a /16); split or narrow it`);
    }
    const first = cidr.words[0];
    const skipEnds = cidr.bits < 31;
    for (let i = skipEnds ? 1 : 0; i < (skipEnds ? size - 1 : size); i++) targets.push((first + i) >>> 0);
  }
  return targets;
}

/**
 * An Ethernet broadcast ARP request (RFC 826): "who has `targetIp`, tell `senderIp`".
 * Padded to the 60-byte Ethernet minimum.
 */
export function arpRequestFrame(senderMac: Uint8Array, senderIp: number, targetIp: number): Uint8Array {
  if (senderMac.length !== 6) throw new RangeError('arpRequestFrame: the sender MAC must be 6 bytes');
  const frame = new Uint8Array(60);
  const view = new DataView(frame.buffer);
  frame.fill(0xff, 0, 6);
  frame.set(senderMac, 6);
  view.setUint16(12, 0x0806);
  view.setUint16(14, 1); // hardware type Ethernet
  view.setUint16(16, 0x0800); // protocol IPv4
  frame[18] = 6;
  frame[19] = 4;
  view.setUint16(20, 1); // request
  frame.set(senderMac, 22);
  view.setUint32(28, senderIp);
  view.setUint32(38, targetIp); // target MAC (32..37) stays zero: unknown
  return frame;
}

export interface ArpSweepOptions {
  readonly prefixes: readonly string[];
  readonly senderMac: Uint8Array;
  readonly senderIp: number;
  /** Requests per second; each tick of 100 ms sends a tenth. */
  readonly ratePerSecond: number;
  /** Sends one frame (pcap_inject on the sensor's capture). */
  readonly send: (frame: Uint8Array) => void;
  /** Called once each full pass has been sent. */
  readonly onPassDone?: (sent: number) => void;
}

/** Walks the targets once per `start()`, never faster than the rate; `stop()` ends it at once. */
export class ArpSweep {
  private readonly targets: number[];
  private timer: NodeJS.Timeout | undefined;
  private next = 0;
  sent = 0;
  failed = 0;

  constructor(private readonly options: ArpSweepOptions) {
    if (!(options.ratePerSecond >= 1 && options.ratePerSecond <= 10_000)) {
      throw new RangeError('ARP sweep rate must be 1..10000 requests per second');
    }
    this.targets = sweepTargets(options.prefixes);
  }

  get size(): number {
    return this.targets.length;
  }

  /** Starts a pass unless one is running. */
  start(): void {
    if (this.timer !== undefined) return;
    this.next = 0;
    const perTick = Math.max(1, Math.round(this.options.ratePerSecond / 10));
    this.timer = setInterval(() => this.tick(perTick), 100);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  private tick(count: number): void {
    const { senderMac, senderIp, send } = this.options;
    for (let i = 0; i < count && this.next < this.targets.length; i++) {
      const target = this.targets[this.next++] as number;
      if (target === senderIp) continue;
      try {
        send(arpRequestFrame(senderMac, senderIp, target));
        this.sent++;
      } catch {
        this.failed++;
      }
    }
    if (this.next >= this.targets.length) {
      this.stop();
      this.options.onPassDone?.(this.sent);
    }
  }
}
