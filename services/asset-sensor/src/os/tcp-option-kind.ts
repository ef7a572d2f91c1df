// TCP option kinds p0f names in an option layout (IANA "TCP Option Kind Numbers").

export const TcpOptionKind = {
  EOL: 0,
  NOP: 1,
  /** RFC 9293 §3.2, length 4. */
  MSS: 2,
  /** RFC 7323 §2.2, length 3. */
  WSCALE: 3,
  /** RFC 2018 §2, length 2. */
  SACK_PERMITTED: 4,
  /** RFC 2018 §3, length 2 + 8n. */
  SACK: 5,
  /** RFC 7323 §3.2, length 10. */
  TIMESTAMPS: 8,
} as const;

/** p0f's most option kinds recorded per packet (MAX_TCP_OPT in p0f 3's config.h). */
export const MAX_LAYOUT_OPTIONS = 24;

const NAMES: Record<number, string> = { 1: 'nop', 2: 'mss', 3: 'ws', 4: 'sok', 5: 'sack', 8: 'ts' };

/** p0f's olayout text: kinds in order, `eol+N` for EOL with N padding bytes, `?K` for unknown kinds. */
export function formatLayout(kinds: ArrayLike<number>, count: number, eolPadding: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i] ?? 0;
    parts.push(kind === TcpOptionKind.EOL ? `eol+${eolPadding}` : NAMES[kind] ?? `?${kind}`);
  }
  return parts.join(',');
}

/** A number that is equal for equal layouts, to bucket signatures without building a string per packet. */
export function layoutHash(kinds: ArrayLike<number>, count: number): number {
  let h = 0x811c9dc5 ^ count;
  for (let i = 0; i < count; i++) h = Math.imul(h ^ (kinds[i] ?? 0), 0x01000193);
  return h >>> 0;
}
