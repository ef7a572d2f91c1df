// Small helpers the discovery conformance test uses to line netwatch's parsed frames up with tshark's field rows.
import assert from 'node:assert/strict';
import type { ParsedFrame } from './netwatch-frames.js';
import type { FieldRow } from './tshark-fields.js';

/** tshark prints an absent field as no value; netwatch as undefined. */
export const opt = (v: string | number | undefined) => (v === undefined ? [] : [String(v)]);

export type ValueOf<P extends ParsedFrame['protocol']> = Extract<ParsedFrame, { protocol: P }>['value'];

export function framesOf<P extends ParsedFrame['protocol']>(frames: Map<number, ParsedFrame>, protocol: P): Map<number, ValueOf<P>> {
  const out = new Map<number, ValueOf<P>>();
  for (const [n, f] of frames) if (f.protocol === protocol) out.set(n, f.value as ValueOf<P>);
  return out;
}

export function ok<T>(value: { ok: true; value: T } | { ok: false; reason: string }, frame: number): T {
  assert.ok(value.ok, `frame ${frame} refused: ${value.ok ? '' : value.reason}`);
  return value.value;
}

/** Header values from tshark's "NAME: value\r\n" lines (unknown headers and request lines). */
export function headerValue(row: FieldRow, name: string): string[] {
  const lines = [...(row['http.unknown_header'] ?? []), ...(row['http.request.line'] ?? []),
    ...(row['http.response.line'] ?? [])];
  return lines.filter((l) => l.toUpperCase().startsWith(`${name}:`))
    .map((l) => l.slice(name.length + 1).replace(/\\r\\n$/, '').trim());
}

/** RFC 1035 §5.1 `\DDD` and `\X` escapes back to raw characters. */
export function unescapeDns(name: string): string {
  return name.replace(/\\(\d{3}|.)/g, (_, e: string) => (e.length === 3 ? String.fromCharCode(Number(e)) : e));
}
