// Strict parser of p0f 3's fingerprint database text (p0f.fp, README §5): TCP sections only, errors name the line.
import { NetwatchError } from '@netwatch/kit';
import { IPV4_ONLY_QUIRKS, IPV6_ONLY_QUIRKS, QUIRK_NAMES } from './quirks.js';
import type { SignatureDb, SignatureLabel, SignatureSet, TcpSignature } from './signature.js';
import { WindowType } from './signature.js';
import { layoutHash, MAX_LAYOUT_OPTIONS, TcpOptionKind } from './tcp-option-kind.js';

/** Characters p0f allows in OS names besides letters and digits (NAME_CHARS in p0f 3's config.h). */
const NAME = /^[A-Za-z0-9 ./\-_!?()]+$/;
const CLASS = /^[A-Za-z0-9]+$/;
const DIGITS = /^\d+$/;
const QUIRK_BY_NAME = new Map(QUIRK_NAMES.map(([bit, name]) => [name, bit]));
const OPTION_BY_NAME = new Map<string, number>([
  ['nop', TcpOptionKind.NOP], ['mss', TcpOptionKind.MSS], ['ws', TcpOptionKind.WSCALE],
  ['sok', TcpOptionKind.SACK_PERMITTED], ['sack', TcpOptionKind.SACK], ['ts', TcpOptionKind.TIMESTAMPS],
]);

type Section = 'none' | 'tcp:request' | 'tcp:response' | 'skipped';
/** p0f's parser states (readfp.c): a label must come before signatures, an application label needs `sys`. */
type Expect = 'section' | 'label' | 'sys' | 'sig';

class LineError extends Error {}

function fail(message: string): never {
  throw new LineError(message);
}

function integer(text: string, what: string, min: number, max: number): number {
  if (!DIGITS.test(text)) fail(`${what} '${text}' is not a number`);
  const value = Number(text);
  if (value < min || value > max) fail(`${what} ${value} is outside ${min}..${max}`);
  return value;
}

function parseLabel(value: string, classes: readonly string[], line: number): SignatureLabel {
  // type:class:name:flavor — the flavor is the rest of the line and may be empty.
  const match = /^([sg]):([^:]*):([^:]*):(.*)$/.exec(value);
  if (!match) fail(`label '${value}' is not type:class:name:flavor with type s or g`);
  const [, type = '', osClass = '', name = '', flavor = ''] = match;
  if (osClass !== '!' && !classes.some((c) => c.toLowerCase() === osClass.toLowerCase())) {
    fail(`label class '${osClass}' is not '!' nor one of the classes (${classes.join(',')})`);
  }
  if (!NAME.test(name)) fail(`label name '${name}' is empty or has characters p0f does not allow`);
  return { generic: type === 'g', osClass, name, flavor, sys: [], text: value, line };
}

function parseSys(value: string, classes: readonly string[]): string[] {
  const entries = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (entries.length === 0) fail('sys has no entries');
  for (const entry of entries) {
    const isClass = entry.startsWith('@');
    const name = isClass ? entry.slice(1) : entry;
    if (!NAME.test(name)) fail(`sys entry '${entry}' is malformed`);
    if (isClass && !classes.some((c) => c.toLowerCase() === name.toLowerCase())) fail(`sys class '${name}' is unknown`);
  }
  return entries;
}

interface Window {
  type: WindowType;
  value: number;
}

function parseWindow(text: string): Window {
  if (text === '*') return { type: WindowType.ANY, value: 0 };
  if (text.startsWith('%')) return { type: WindowType.MOD, value: integer(text.slice(1), 'window \'%\'', 2, 65535) };
  if (text.startsWith('mss*')) return { type: WindowType.MSS, value: integer(text.slice(4), 'MSS multiplier', 1, 1000) };
  if (text.startsWith('mtu*')) return { type: WindowType.MTU, value: integer(text.slice(4), 'MTU multiplier', 1, 1000) };
  return { type: WindowType.NORMAL, value: integer(text, 'window size', 0, 65535) };
}

interface Layout {
  kinds: number[];
  eolPadding: number;
}

function parseLayout(text: string): Layout {
  const kinds: number[] = [];
  let eolPadding = 0;
  if (text === '') return { kinds, eolPadding };
  const items = text.split(',');
  items.forEach((item, i) => {
    if (kinds.length >= MAX_LAYOUT_OPTIONS) fail(`more than ${MAX_LAYOUT_OPTIONS} TCP options`);
    const known = OPTION_BY_NAME.get(item);
    if (known !== undefined) {
      kinds.push(known);
    } else if (item.startsWith('eol+')) {
      // p0f: "EOL must be the last option" — everything after it is padding.
      if (i !== items.length - 1) fail('eol+N must be the last option');
      eolPadding = integer(item.slice(4), 'EOL padding', 0, 255);
      kinds.push(TcpOptionKind.EOL);
    } else if (item.startsWith('?')) {
      kinds.push(integer(item.slice(1), 'option kind', 0, 255));
    } else {
      fail(`unknown TCP option '${item}'`);
    }
  });
  return { kinds, eolPadding };
}

function parseQuirks(text: string, ipVersion: number): number {
  let quirks = 0;
  if (text === '') return quirks;
  for (const name of text.split(',')) {
    const bit = QUIRK_BY_NAME.get(name);
    if (bit === undefined) fail(`unknown quirk '${name}'`);
    // README §5: df, id+, id-, 0+ are IPv4-only; flow is IPv6-only (p0f refuses them on the other version).
    if (ipVersion === 6 && bit & IPV4_ONLY_QUIRKS) fail(`quirk '${name}' is not valid for IPv6`);
    if (ipVersion === 4 && bit & IPV6_ONLY_QUIRKS) fail(`quirk '${name}' is not valid for IPv4`);
    quirks |= bit;
  }
  return quirks;
}

/** `ver:ittl:olen:mss:wsize,scale:olayout:quirks:pclass` (README §5 "TCP signatures"). */
export function parseTcpSignature(text: string, label: SignatureLabel, line: number): TcpSignature {
  const fields = text.split(':');
  if (fields.length !== 8) fail(`signature '${text}' does not have 8 ':'-separated fields`);
  const [ver = '', ittl = '', olen = '', mss = '', windowAndScale = '', olayout = '', quirkText = '', pclass = ''] =
    fields;
  const ipVersion = ver === '4' ? 4 : ver === '6' ? 6 : ver === '*' ? -1 : fail(`IP version '${ver}' is not 4, 6 or *`);

  // ittl is N, N- (random TTL up to N) or N+D (observed TTL plus distance, as p0f suggests for new sigs).
  const ttlMatch = /^(\d+)(-|\+(\d+))?$/.exec(ittl);
  if (!ttlMatch) fail(`initial TTL '${ittl}' is not N, N- or N+D`);
  let ttl = integer(ttlMatch[1] ?? '', 'initial TTL', 1, 255);
  if (ttlMatch[3] !== undefined) ttl = integer(String(ttl + Number(ttlMatch[3])), 'initial TTL + distance', 1, 255);

  const comma = windowAndScale.indexOf(',');
  if (comma < 0) fail(`window '${windowAndScale}' is not wsize,scale`);
  const window = parseWindow(windowAndScale.slice(0, comma));
  const scaleText = windowAndScale.slice(comma + 1);
  const layout = parseLayout(olayout);
  const kinds = Uint8Array.from(layout.kinds);
  return {
    label,
    ipVersion,
    ttl,
    badTtl: ttlMatch[2] === '-',
    ipOptionsLength: integer(olen, 'IP options length', 0, 255),
    mss: mss === '*' ? -1 : integer(mss, 'MSS', 0, 65535),
    windowType: window.type,
    window: window.value,
    windowScale: scaleText === '*' ? -1 : integer(scaleText, 'window scale', 0, 255),
    layout: kinds,
    layoutHash: layoutHash(kinds, kinds.length),
    eolPadding: layout.eolPadding,
    quirks: parseQuirks(quirkText, ipVersion),
    payloadClass: pclass === '*' ? -1 : pclass === '0' ? 0 : pclass === '+' ? 1 : fail(`payload class '${pclass}'`),
    text,
    line,
  };
}

function signatureSet(all: TcpSignature[]): SignatureSet {
  const byLayout = new Map<number, TcpSignature[]>();
  for (const sig of all) {
    const bucket = byLayout.get(sig.layoutHash);
    if (bucket) bucket.push(sig);
    else byLayout.set(sig.layoutHash, [sig]);
  }
  return { all, byLayout };
}

/**
 * Parses p0f.fp text. [mtu] and [http:*] sections are checked for shape only (label/sig/ua_os lines)
 * and skipped; TCP sections are parsed fully. Throws a NetwatchError `input_unreadable` naming the
 * line and the problem. `source` names the file in that message.
 */
export function loadSignatures(text: string, source = 'p0f.fp'): SignatureDb {
  const classes: string[] = [];
  const labels: SignatureLabel[] = [];
  const request: TcpSignature[] = [];
  const response: TcpSignature[] = [];
  let section: Section = 'none';
  let expect: Expect = 'section';
  let label: SignatureLabel | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // p0f skips leading blanks; trailing blanks and a CR are dropped here too.
    const line = (lines[i] ?? '').replace(/^[ \t]+/, '').replace(/[ \t\r]+$/, '');
    if (line === '' || line.startsWith(';')) continue;
    try {
      if (line.startsWith('[')) {
        if (line === '[mtu]' || line === '[http:request]' || line === '[http:response]') section = 'skipped';
        else if (line === '[tcp:request]' || line === '[tcp:response]') section = line.slice(1, -1) as Section;
        else fail(`unknown section ${line}`);
        expect = 'label';
        label = undefined;
        continue;
      }
      const statement = /^([A-Za-z_]+)[ \t]*=[ \t]*(.*)$/.exec(line);
      if (!statement) fail(`'${line}' is not a section, a comment or name = value`);
      const [, key = '', value = ''] = statement;
      if (key === 'classes') {
        if (expect !== 'section') fail('\'classes\' must come before the first section');
        for (const entry of value.split(',').map((c) => c.trim())) {
          if (!CLASS.test(entry)) fail(`class '${entry}' is malformed`);
          classes.push(entry);
        }
      } else if (section === 'skipped') {
        if (key !== 'label' && key !== 'sig' && key !== 'sys' && key !== 'ua_os') fail(`unknown field '${key}'`);
      } else if (key === 'label') {
        if (expect !== 'label' && expect !== 'sig') fail('misplaced \'label\' (no section, or a \'sys\' line missing)');
        label = parseLabel(value, classes, i + 1);
        labels.push(label);
        // readfp.c: an application label ('!') must be followed by its 'sys' line.
        expect = label.osClass === '!' ? 'sys' : 'sig';
      } else if (key === 'sys') {
        if (expect !== 'sys' || !label) fail('misplaced \'sys\' (only right after an application label)');
        (label.sys as string[]).push(...parseSys(value, classes));
        expect = 'sig';
      } else if (key === 'sig') {
        if (expect !== 'sig' || !label) fail('misplaced \'sig\' (needs a label first)');
        const sig = parseTcpSignature(value, label, i + 1);
        (section === 'tcp:request' ? request : response).push(sig);
      } else {
        fail(`unknown field '${key}'`);
      }
    } catch (error) {
      if (!(error instanceof LineError)) throw error;
      throw new NetwatchError('input_unreadable', `${source} line ${i + 1}: ${error.message}`,
        { details: { source, line: i + 1 } });
    }
  }
  if (request.length === 0 && response.length === 0) {
    throw new NetwatchError('input_unreadable', `${source}: no [tcp:request] or [tcp:response] signatures`,
      { details: { source } });
  }
  return { classes, request: signatureSet(request), response: signatureSet(response), labels };
}
