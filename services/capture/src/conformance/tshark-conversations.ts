// tshark's conversation tables (-z conv,…): run them on a capture and parse the text into rows.
import { run } from '@netwatch/packet/testing/lab/process';

/** tshark prints sizes through format_size(): exact below 10,000, else truncated to a whole kB, MB… */
export interface ByteFigure {
  readonly value: number;
  readonly unit: 'bytes' | 'kB' | 'MB' | 'GB' | 'TB';
}

export interface ConvRow {
  /** Address, or address:port for TCP/UDP, exactly as printed. */
  readonly a: string;
  readonly b: string;
  readonly aToB: { frames: number; bytes: ByteFigure };
  readonly bToA: { frames: number; bytes: ByteFigure };
  readonly relativeStart: number;
}

/** One table: its title ("TCP", "UDP", "IPv4", "IPv6") and display filter ("<No Filter>" if none). */
export interface ConvTable {
  readonly title: string;
  filter: string;
  readonly rows: ConvRow[];
}

const POWERS: Record<ByteFigure['unit'], number> = { bytes: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 };

/**
 * Whether an exact byte count prints as `figure`. Checked against this tshark (4.0) on real
 * captures: above 9,999 the figure is the count divided by 1000^n and truncated (204,757 → "204 kB").
 */
export function figureMatches(exact: number, figure: ByteFigure): boolean {
  if (figure.unit === 'bytes') return exact === figure.value && exact < 10_000;
  const power = POWERS[figure.unit];
  return Math.floor(exact / power) === figure.value && exact / power >= 10 && exact / (power * 1000) < 10;
}

const UNIT = '(bytes|kB|MB|GB|TB)';
const COUNTS = `(\\d+)\\s+(\\d+)\\s+${UNIT}`;
// "A <-> B  <-frames bytes  ->frames bytes  total frames bytes  start duration"; tokens, not columns,
// because a long IPv6 address pushes every later column to the right.
const ROW = new RegExp(`^(\\S+)\\s+<->\\s+(\\S+)\\s+${COUNTS}\\s+${COUNTS}\\s+${COUNTS}\\s+([\\d.]+)\\s+([\\d.]+)\\s*$`);

function figure(value: string | undefined, unit: string | undefined): ByteFigure {
  return { value: Number(value), unit: unit as ByteFigure['unit'] };
}

/**
 * Parses `tshark -q -z conv,…` output. Column order in tshark 4.0, found with a lab DNS capture
 * (query 99 bytes from the client A, answer 92 bytes from the server B) and pinned by a test on a
 * known capture: the first pair, headed "<-", is B→A (frames *to* A); the second, headed "->", is
 * A→B. A is the side that sent the conversation's first frame.
 */
export function parseConversationTables(text: string): ConvTable[] {
  const tables: ConvTable[] = [];
  let current: ConvTable | undefined;
  for (const line of text.split('\n')) {
    const title = /^(\S+) Conversations$/.exec(line);
    if (title) {
      current = { title: title[1] ?? '', filter: '', rows: [] };
      tables.push(current);
      continue;
    }
    if (current === undefined) continue;
    if (line.startsWith('Filter:')) {
      current.filter = line.slice('Filter:'.length);
      continue;
    }
    if (/^=+$/.test(line) || /^\s*\|/.test(line) || line.trim() === '') continue;
    const m = ROW.exec(line);
    if (!m) throw new Error(`unparsed line in tshark ${current.title} conversations: ${JSON.stringify(line)}`);
    const [, a, b, bToAFrames, bToABytes, bToAUnit, aToBFrames, aToBBytes, aToBUnit, totalFrames] = m;
    const row: ConvRow = {
      a: a ?? '',
      b: b ?? '',
      bToA: { frames: Number(bToAFrames), bytes: figure(bToABytes, bToAUnit) },
      aToB: { frames: Number(aToBFrames), bytes: figure(aToBBytes, aToBUnit) },
      relativeStart: Number(m[12]),
    };
    if (row.aToB.frames + row.bToA.frames !== Number(totalFrames)) {
      throw new Error(`tshark row whose directions do not add up to its total: ${JSON.stringify(line)}`);
    }
    current.rows.push(row);
  }
  return tables;
}

/** `host:port` → its parts, splitting at the last colon (tshark prints IPv6 with a port unbracketed). */
export function splitAddressPort(text: string): { ip: string; port: number } {
  const at = text.lastIndexOf(':');
  const port = Number(text.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`not address:port: ${text}`);
  return { ip: text.slice(0, at), port };
}

/** The tables netwatch is compared with: TCP and UDP per 5-tuple, ICMP and ICMPv6 per address pair. */
export const CONVERSATION_TABLES = ['conv,tcp', 'conv,udp', 'conv,ip,icmp', 'conv,ipv6,icmpv6'] as const;

/** Runs tshark's conversation tables on `path` (-n: numbers, not names, for addresses and ports). */
export async function tsharkConversations(path: string): Promise<ConvTable[]> {
  const result = await run('tshark', ['-n', '-r', path, '-q', ...CONVERSATION_TABLES.flatMap((z) => ['-z', z])],
    { timeoutMs: 60_000 });
  if (result.code !== 0) throw new Error(`tshark conversations on ${path}: exit ${result.code}\n${result.stderr}`);
  return parseConversationTables(result.stdout);
}

/** The table with `title` and `filter`; an error if tshark did not print it. */
export function table(tables: readonly ConvTable[], title: string, filter = '<No Filter>'): ConvTable {
  const found = tables.find((t) => t.title === title && t.filter === filter);
  if (!found) throw new Error(`tshark printed no ${title} conversations with filter ${filter}`);
  return found;
}
