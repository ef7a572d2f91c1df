// Device names from asset events (DHCP, mDNS, NBNS… as the asset sensor ranked them): address → host name, bounded.
import type { AssetEvent } from '@netwatch/schemas';
import { LruCache } from '../lru-cache.js';

/** A host name as ECS `domain` wants it: no trailing dot (mDNS names arrive as `alice.local.`). */
export function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.trim().replace(/\.+$/, '');
  return trimmed === '' ? undefined : trimmed;
}

/**
 * The latest host name the asset sensor reported for each address. `host.hostname` is the
 * sensor's best name for the device (it ranks DHCP over mDNS over NBNS…); `host.name` is used
 * when there is no hostname. A `host.ip` change event forgets the old address. Bounded: the least
 * recently learned address goes first.
 */
export class DeviceNames {
  private readonly names: LruCache<string, string>;

  constructor(maxEntries: number) {
    this.names = new LruCache(maxEntries);
  }

  get size(): number {
    return this.names.size;
  }

  learn(event: AssetEvent): void {
    const { host } = event;
    const change = event.netwatch.asset.change;
    if (change?.field === 'host.ip' && typeof change.old === 'string') this.names.delete(change.old);
    const name = cleanName(host.hostname ?? host.name);
    if (name === undefined) return;
    for (const ip of host.ip ?? []) this.names.set(ip, name);
  }

  nameOf(ip: string): string | undefined {
    return this.names.peek(ip);
  }
}
