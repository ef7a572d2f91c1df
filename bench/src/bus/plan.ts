// What a run does (from the command line) and what each case reports back.
import type { LatencyResult, ThroughputResult } from './drive.js';

export interface Plan {
  readonly broker: string;
  /** Events per Kafka throughput case (and per kcat run). */
  readonly events: number;
  /** Events for the in-memory throughput case. */
  readonly memoryEvents: number;
  /** Paced publish rate for the latency cases, events/s. */
  readonly rate: number;
  readonly latencySeconds: number;
  /** Case ids to run; empty means all. */
  readonly only: readonly string[];
  readonly pads: readonly string[];
}

export type Compression = 'gzip' | 'none';

export interface CaseResult {
  readonly id: string;
  readonly label: string;
  readonly compression: Compression | '-';
  readonly throughput?: ThroughputResult;
  readonly latency?: LatencyResult;
  readonly error?: string;
}

export interface KcatResult {
  readonly compression: Compression;
  readonly events: number;
  readonly produceSeconds: number;
  readonly consumeSeconds?: number;
}

const usage = `usage: node bench/dist/bus/main.js [--events N] [--quick] [--only id,id] [--brokers host:port]
  ids: memory, kcat, kafkabus-gzip, kafkabus-none, kafkabus-latency-gzip, kafkabus-latency-none,
       platformatic-gzip, platformatic-none, platformatic-latency-gzip, platformatic-latency-none`;

export interface Flags {
  readonly events?: number;
  readonly quick: boolean;
  readonly only: string[];
  readonly brokers?: string;
}

export function parseFlags(argv: readonly string[]): Flags {
  let events: number | undefined;
  let quick = false;
  let only: string[] = [];
  let brokers: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      return v;
    };
    if (arg === '--events') {
      events = Number(value());
      if (!Number.isInteger(events) || events < 1000) throw new Error('--events must be ≥ 1000');
    } else if (arg === '--quick') quick = true;
    else if (arg === '--only') only = value().split(',');
    else if (arg === '--brokers') brokers = value();
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  return { ...(events !== undefined ? { events } : {}), quick, only, ...(brokers ? { brokers } : {}) };
}
