// Command-line flags of the live capture bench and the plan they make.

export interface Plan {
  /** Frames in the generated capture (ignored with --pcap). */
  packets: number;
  /** A capture to replay instead of generating one (Ethernet). */
  pcap: string | undefined;
  /** Kernel ring buffer for both capturers, in KiB (tcpdump -B). */
  bufferKiB: number;
  /** netwatch batch buffer in bytes. */
  batchBytes: number;
  /** netwatch packet buffer timeout in ms. */
  timeoutMs: number;
  immediate: boolean;
  /** Each capturer runs this many times, alternating, netwatch first. */
  rounds: number;
  /** Decode every packet with decodePacket (default on: the realistic cost). */
  decode: boolean;
  /** Also measure each capturer draining a ring filled while it was paused. */
  drain: boolean;
}

const usage = `usage: node bench/dist/capture-live/main.js [options]   (as root)
  --packets N        frames to generate (default 2000000)
  --pcap FILE        replay FILE instead of generated frames
  --buffer-kib N     kernel ring buffer for both capturers, KiB (default 65536 = 64 MiB)
  --batch-mib N      netwatch batch buffer, MiB (default 8)
  --timeout-ms N     netwatch packet buffer timeout, ms (default 50)
  --immediate        netwatch in immediate mode
  --rounds N         runs per capturer, alternating (default 2)
  --no-decode        netwatch only counts packets instead of decoding them
  --no-drain         skip the backlog-drain runs (ring filled while the capturer is paused)`;

function positive(flag: string, text: string | undefined): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, got ${String(text)}\n${usage}`);
  return n;
}

export function parsePlan(argv: readonly string[]): Plan {
  const plan: Plan = {
    packets: 2_000_000,
    pcap: undefined,
    bufferKiB: 65_536,
    batchBytes: 8 * 1024 * 1024,
    timeoutMs: 50,
    immediate: false,
    rounds: 2,
    decode: true,
    drain: true,
  };
  const withValue: Record<string, (text: string | undefined, flag: string) => void> = {
    '--packets': (t, f) => (plan.packets = positive(f, t)),
    '--pcap': (t) => (plan.pcap = t),
    '--buffer-kib': (t, f) => (plan.bufferKiB = positive(f, t)),
    '--batch-mib': (t, f) => (plan.batchBytes = positive(f, t) * 1024 * 1024),
    '--timeout-ms': (t, f) => (plan.timeoutMs = positive(f, t)),
    '--rounds': (t, f) => (plan.rounds = positive(f, t)),
  };
  const switches: Record<string, () => void> = {
    '--immediate': () => (plan.immediate = true),
    '--no-decode': () => (plan.decode = false),
    '--no-drain': () => (plan.drain = false),
    '--help': () => {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    },
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const takesValue = withValue[flag];
    const toggle = switches[flag];
    if (takesValue !== undefined) takesValue(argv[++i], flag);
    else if (toggle !== undefined) toggle();
    else throw new Error(`unknown flag ${flag}\n${usage}`);
  }
  return plan;
}
