// Wire formats shared by every event: timestamps, addresses, hashes, counters.
import { z } from 'zod';

/** ISO 8601 / RFC 3339 date-time with `Z` or an offset, any sub-second precision (ECS `date`). */
export const timestamp = z.iso.datetime({ offset: true });

/** An IPv4 or IPv6 address. Producers emit RFC 5952 text for IPv6 (see `formatIp`). */
export const ip = z.union([z.ipv4(), z.ipv6()]);

/** An IPv4 or IPv6 network in CIDR notation. */
export const cidr = z.union([z.cidrv4(), z.cidrv6()]);

/**
 * MAC address in the ECS notation (RFC 7042 §2.1.1): six uppercase hex octets joined by
 * hyphens, e.g. `00-1A-2B-3C-4D-5E`. One spelling, so a MAC is a stable key. See `normalizeMac`.
 */
export const mac = z
  .string()
  .regex(/^[0-9A-F]{2}(?:-[0-9A-F]{2}){5}$/, 'MAC must be ECS form, e.g. 00-1A-2B-3C-4D-5E');

/** Rewrites `00:1a:2b:3c:4d:5e`, `001a.2b3c.4d5e` and similar into the ECS form. */
export function normalizeMac(value: string): string {
  const hex = value.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 12 || /[^0-9a-fA-F:.\-\s]/.test(value)) {
    throw new Error(`not a MAC address: ${JSON.stringify(value)}`);
  }
  return hex.match(/../g)?.join('-') ?? hex;
}

/** TCP/UDP/SCTP port. */
export const port = z.number().int().min(0).max(65535);
/** Unsigned 8-bit integer (protocol fields such as TCP flags). */
export const uint8 = z.number().int().min(0).max(255);
/** Unsigned 16-bit integer (protocol code points such as DNS qtype, TLS cipher suites). */
export const uint16 = z.number().int().min(0).max(65535);
/** A non-negative count (bytes, packets, events). */
export const count = z.number().int().nonnegative();
/** A duration in nanoseconds, the unit of ECS `event.duration`; every netwatch `*_ns` field. */
export const nanoseconds = z.number().int().nonnegative();

/** Lowercase hex digest of a fixed length (md5 = 32, sha1 = 40, sha256 = 64). */
export function hexDigest(length: number) {
  return z
    .string()
    .regex(new RegExp(`^[0-9a-f]{${length}}$`), `expected ${length} lowercase hex digits`);
}

/** Community ID v1 string: `1:` + base64 of a 20-byte SHA-1 (corelight/community-id-spec). */
export const communityIdString = z
  .string()
  .regex(/^1:[A-Za-z0-9+/]{27}=$/, 'expected a Community ID v1 string like 1:base64=');

/** JA4 TLS client fingerprint (FoxIO JA4 spec): `t13d1516h2_8daaf6152771_e5627efa2ab1`. */
export const ja4 = z
  .string()
  .regex(/^[tqd][0-9a-z]{2}[di]\d{4}[0-9a-zA-Z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$/, 'expected a JA4');

/** A DNS name in presentation form, lowercase, without the trailing dot (RFC 1035 §2.3.4). */
export const domainName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[^A-Z\s]+$/, 'domain names are lowercase without whitespace')
  .refine((name) => !name.endsWith('.'), 'no trailing dot');
