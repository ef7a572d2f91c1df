// NETWATCH_API_TRUST_PROXY: which reverse proxies may name the client (X-Forwarded-For), in express's `trust proxy` terms.
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Off (`false`): the client is the TCP peer and X-Forwarded-For is ignored, so nobody can choose the
 * address the login limiter counts. A hop count: the peer and that many proxies behind it in total are
 * trusted (`1` = one proxy in front). A list: the proxies' addresses or CIDR blocks, or express's names
 * `loopback`, `linklocal`, `uniquelocal`; express walks X-Forwarded-For from the right past those.
 */
export type TrustProxy = false | number | readonly string[];

const PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 32;

/** Whether `entry` is an address, an address/prefix-length, or a preset name (proxy-addr's syntax, netmasks aside). */
export function isTrustedProxyEntry(entry: string): boolean {
  if (PRESETS.has(entry)) return true;
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const family = isIP(address);
  if (family === 0) return false;
  if (slash < 0) return true;
  const prefix = entry.slice(slash + 1);
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export const trustProxyEnv = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase();
    if (lower === 'false' || lower === 'off' || lower === '0') return false;
    if (lower === 'true' || lower === 'on' || lower === '*') {
      ctx.addIssue({
        code: 'custom',
        message: 'trusting every proxy lets any client pick the address the login limit counts; give a hop count ' +
          '(e.g. 1) or the proxies\' addresses (e.g. 10.0.0.5, 10.1.0.0/16, loopback)',
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > MAX_HOPS) {
        ctx.addIssue({ code: 'custom', message: `a hop count must be 1..${MAX_HOPS}` });
        return z.NEVER;
      }
      return hops;
    }
    const entries = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    if (entries.length === 0 || !entries.every(isTrustedProxyEntry)) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be off, a hop count, or a comma-separated list of proxy addresses, CIDR blocks ' +
          '(address/prefix) or loopback, linklocal, uniquelocal',
      });
      return z.NEVER;
    }
    return entries;
  });

/** The value for express's `app.set('trust proxy', …)`. */
export function expressTrustProxy(trust: TrustProxy | undefined): boolean | number | string[] {
  if (trust === undefined || trust === false) return false;
  return typeof trust === 'number' ? trust : [...trust];
}
