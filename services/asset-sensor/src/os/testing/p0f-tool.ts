// Runs the real p0f 3 on a capture file and reads its log: the reference the fingerprints are compared with.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** One `mod=syn` or `mod=syn+ack` log line of p0f, reduced to what a fingerprint compares. */
export interface P0fLine {
  readonly mod: 'syn' | 'syn+ack';
  /** `ip/port` as p0f prints them (IPv6 without zero compression). */
  readonly cli: string;
  readonly srv: string;
  readonly subj: 'cli' | 'srv';
  /** `os=` or, for application signatures, `app=`; `???` when unknown. */
  readonly os: string;
  readonly app: boolean;
  readonly dist: string;
  readonly params: string;
  readonly rawSig: string;
}

export function p0fAvailable(): boolean {
  return spawnSync('p0f', ['-L'], { encoding: 'utf8', timeout: 5000 }).error === undefined;
}

/** `p0f -r capture -o log -f db`, then the syn and syn+ack lines of the log, in order. */
export function runP0f(capture: string, database: string): P0fLine[] {
  const dir = mkdtempSync(join(tmpdir(), 'nw-p0f-'));
  try {
    const log = join(dir, 'p0f.log');
    const run = spawnSync('p0f', ['-r', capture, '-o', log, '-f', database], { encoding: 'utf8', timeout: 20_000 });
    if (run.status !== 0) throw new Error(`p0f failed (${run.status}): ${run.stderr}${run.stdout}`);
    return parseP0fLog(readFileSync(log, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Log lines look like `[2024/01/01 00:00:00] mod=syn|cli=10.0.0.1/1234|srv=…|subj=cli|os=…|dist=0|params=none|raw_sig=…`. */
export function parseP0fLog(text: string): P0fLine[] {
  const lines: P0fLine[] = [];
  for (const line of text.split('\n')) {
    const body = /^\[[^\]]*\] (.*)$/.exec(line)?.[1];
    if (body === undefined) continue;
    const fields = new Map(body.split('|').map((kv) => {
      const eq = kv.indexOf('=');
      return [kv.slice(0, eq), kv.slice(eq + 1)] as const;
    }));
    const mod = fields.get('mod');
    if (mod !== 'syn' && mod !== 'syn+ack') continue;
    const app = fields.has('app');
    lines.push({
      mod,
      cli: fields.get('cli') ?? '',
      srv: fields.get('srv') ?? '',
      subj: fields.get('subj') === 'srv' ? 'srv' : 'cli',
      os: (app ? fields.get('app') : fields.get('os')) ?? '',
      app,
      dist: fields.get('dist') ?? '',
      params: fields.get('params') ?? '',
      rawSig: fields.get('raw_sig') ?? '',
    });
  }
  return lines;
}
