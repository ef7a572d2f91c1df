// Lexical features of a query name for the DGA and tunnelling detectors, and its split by the Public Suffix List.
import { parse } from 'tldts';

export interface QnameFeatures {
  qname_length: number;
  label_count: number;
  longest_label: number;
  entropy: number;
  digit_ratio: number;
}

/**
 * Features of a lowercase name without the trailing dot (the root '.' counts as empty):
 * length in characters, labels, longest label, Shannon entropy in bits per character over the
 * whole name (dots included, as most DGA literature computes it), and digits among the
 * non-dot characters. Entropy is rounded to 4 decimals so equal names give equal events.
 */
export function qnameFeatures(name: string): QnameFeatures {
  const text = name === '.' ? '' : name;
  const counts = new Map<string, number>();
  let digits = 0;
  let dots = 0;
  let longest = 0;
  let run = 0;
  for (const ch of text) {
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch === '.') {
      dots++;
      run = 0;
      continue;
    }
    if (ch >= '0' && ch <= '9') digits++;
    run++;
    if (run > longest) longest = run;
  }
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    entropy -= p * Math.log2(p);
  }
  const letters = text.length - dots;
  return {
    qname_length: text.length,
    label_count: text === '' ? 0 : dots + 1,
    longest_label: longest,
    entropy: Math.round(entropy * 10_000) / 10_000,
    digit_ratio: letters === 0 ? 0 : Math.round((digits / letters) * 10_000) / 10_000,
  };
}

export interface DomainParts {
  registered_domain?: string;
  subdomain?: string;
  top_level_domain?: string;
}

/**
 * eTLD+1, the labels left of it and the public suffix per the Public Suffix List (ICANN section;
 * tldts's default `*` rule makes an unlisted TLD such as `test` its own suffix). Hostname
 * validation is off: DNS names carry underscores (`_sip._udp`) and other bytes hostnames may not.
 */
export function domainParts(name: string): DomainParts {
  if (name === '.' || name === '') return {};
  const parsed = parse(name, { validateHostname: false, detectIp: false });
  const parts: DomainParts = {};
  if (parsed.domain) parts.registered_domain = parsed.domain;
  if (parsed.subdomain) parts.subdomain = parsed.subdomain;
  if (parsed.publicSuffix) parts.top_level_domain = parsed.publicSuffix;
  return parts;
}
