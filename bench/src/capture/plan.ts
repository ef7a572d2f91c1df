// What a capture bench run does (from the command line) and what each case reports back.
import { type CaptureSpec, defaultSpec, parseCount } from './generate.js';

export const caseIds = [
  'read',
  'decode',
  'flows',
  'replay',
  'softflowd',
  'softflowd-8192',
  'tcpdump',
  'tshark',
] as const;
export type CaseId = (typeof caseIds)[number];

export interface Plan extends CaptureSpec {
  readonly runs: number;
  /** Case ids to run; empty means all. */
  readonly only: readonly string[];
}

/** One timed run of one case. */
export interface Run {
  readonly seconds: number;
  readonly userSeconds?: number;
  readonly sysSeconds?: number;
  readonly maxRssBytes?: number;
}

export interface CaseResult {
  readonly id: CaseId;
  readonly label: string;
  /** The exact command line (peers) or what the loop does (in-process). */
  readonly command: string;
  readonly packets: number;
  readonly runs: Run[];
  readonly error?: string;
}

const usage = `usage: node bench/dist/capture/main.js [--packets N] [--seed S] [--prefix N] [--runs R] [--only id,id]
  ids: ${caseIds.join(', ')}`;

export function parseFlags(argv: readonly string[]): Plan {
  let plan: Plan = { ...defaultSpec, runs: 3, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value\n${usage}`);
      return v;
    };
    if (arg === '--packets') plan = { ...plan, packets: parseCount(arg, value(), 1000) };
    else if (arg === '--seed') plan = { ...plan, seed: parseCount(arg, value(), 0) };
    else if (arg === '--prefix') plan = { ...plan, prefixPackets: parseCount(arg, value(), 1000) };
    else if (arg === '--runs') plan = { ...plan, runs: parseCount(arg, value(), 1) };
    else if (arg === '--only') {
      const only = value().split(',');
      const unknown = only.filter((id) => !(caseIds as readonly string[]).includes(id));
      if (unknown.length > 0) throw new Error(`unknown case ${unknown.join(', ')}\n${usage}`);
      plan = { ...plan, only };
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  return plan;
}

/** The fastest run: other load on the machine only ever slows a run down. */
export function best(result: CaseResult): Run | undefined {
  return result.runs.reduce<Run | undefined>((b, r) => (b === undefined || r.seconds < b.seconds ? r : b), undefined);
}

export function rate(result: CaseResult): number {
  const b = best(result);
  return b ? result.packets / b.seconds : Number.NaN;
}
