// The Flows page's filter, pure: read and check it from the URL (the same names as the api's query parameters) and
// apply it to live flows exactly as the api applies it to stored ones.
import type { Flow } from '../data/types.js';

export interface FlowFilter {
  ip?: string;
  port?: number;
  protocol?: string;
  country?: string;
}

export const FILTER_FIELDS = ['ip', 'port', 'protocol', 'country'] as const;

export type FilterErrors = Partial<Record<keyof FlowFilter, string>>;

export function parseFlowFilter(params: URLSearchParams): { filter: FlowFilter; errors: FilterErrors } {
  const filter: FlowFilter = {};
  const errors: FilterErrors = {};
  const ip = params.get('ip')?.trim();
  if (ip) {
    if (/^[0-9a-fA-F:.]+$/.test(ip)) filter.ip = ip;
    else errors.ip = 'an IPv4 or IPv6 address';
  }
  const port = params.get('port')?.trim();
  if (port) {
    const n = Number(port);
    if (/^\d+$/.test(port) && n <= 65535) filter.port = n;
    else errors.port = 'a number from 0 to 65535';
  }
  const protocol = params.get('protocol')?.trim();
  if (protocol) filter.protocol = protocol.toLowerCase();
  const country = params.get('country')?.trim();
  if (country) {
    if (/^[A-Za-z]{2}$/.test(country)) filter.country = country.toUpperCase();
    else errors.country = 'a two-letter country code (ISO 3166-1 alpha-2)';
  }
  return { filter, errors };
}

/** Either endpoint matches ip/port/country; protocol matches the L7 guess or the transport. */
export function matchesFlow(flow: Flow, f: FlowFilter): boolean {
  const ends = [flow.src, flow.dst];
  if (f.ip !== undefined && !ends.some((e) => e.ip.toLowerCase() === f.ip?.toLowerCase())) return false;
  if (f.port !== undefined && !ends.some((e) => e.port === f.port)) return false;
  // The country alone, as the api matches it: an address may have one without coordinates.
  if (f.country !== undefined && !ends.some((e) => (e.country ?? e.geo?.country)?.toUpperCase() === f.country)) {
    return false;
  }
  if (f.protocol === undefined) return true;
  return flow.protocol?.toLowerCase() === f.protocol || flow.transport.toLowerCase() === f.protocol;
}

export function filterQuery(f: FlowFilter): string {
  const p = new URLSearchParams();
  for (const k of FILTER_FIELDS) {
    const v = f[k];
    if (v !== undefined && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}
