// Number, time and endpoint formatting shared by every page (SI prefixes for rates, IEC for byte counts).
import type { Endpoint, Geo } from './data/types.js';

const IEC = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
const SI = ['', 'k', 'M', 'G', 'T', 'P'];

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return '–';
  let i = 0;
  let v = n;
  while (v >= 1024 && i < IEC.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v.toFixed(0) : v.toFixed(v < 10 ? 1 : 0)} ${IEC[i]}`;
}

/** 1234 → "1.2 k"; the unit goes after (bit/s, pkt/s). */
export function formatSI(n: number, unit: string): string {
  if (!Number.isFinite(n)) return '–';
  let i = 0;
  let v = Math.abs(n);
  while (v >= 1000 && i < SI.length - 1) {
    v /= 1000;
    i++;
  }
  const digits = i === 0 || v >= 100 ? 0 : v >= 10 ? 1 : 2;
  return `${n < 0 ? '-' : ''}${v.toFixed(digits)} ${SI[i]}${unit}`;
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–';
}

export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '0 %';
  const p = (100 * part) / whole;
  return `${p < 0.1 && p > 0 ? '<0.1' : p.toFixed(p < 10 ? 1 : 0)} %`;
}

/** "12 s ago", "5 min ago", "3 h ago", else the date. */
export function timeAgo(iso: string | number, now = Date.now()): string {
  const t = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(t)) return '–';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/** Local wall-clock time with seconds; the ISO string is in the element's title/dateTime. */
export function formatTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '–';
  return new Date(t).toLocaleTimeString('en-GB', { hour12: false });
}

export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return '–';
  const d = new Date(t);
  return `${d.toLocaleDateString('en-CA')} ${d.toLocaleTimeString('en-GB', { hour12: false })}`;
}

/** "203.0.113.9:443" or "[2001:db8::1]:443" (RFC 5952 §6 brackets an IPv6 address with a port). */
export function hostPort(ep: Endpoint): string {
  if (ep.port === undefined) return ep.ip;
  return ep.ip.includes(':') ? `[${ep.ip}]:${ep.port}` : `${ep.ip}:${ep.port}`;
}

export function geoLabel(geo: Geo | undefined): string {
  if (geo === undefined) return '';
  const country = geo.countryName ?? geo.country ?? '';
  return [geo.city, country].filter((s) => s !== undefined && s !== '').join(', ');
}
