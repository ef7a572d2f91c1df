// Names learned from DNS answers: resolved address → the name the client asked for, bounded.
import type { DnsEvent } from '@netwatch/schemas';
import { LruCache } from '../lru-cache.js';
import { cleanName } from './device-names.js';

/**
 * For each address in a successful answer (`dns.resolved_ip`, else the A/AAAA answer records),
 * the question name that led to it: the name the user's software asked for, not the CDN name at
 * the end of a CNAME chain. An address shared by many names (CDNs, shared hosting) keeps the
 * latest one — a hint for people reading events, not an identity. Bounded: the least
 * recently learned address goes first.
 */
export class DnsNames {
  private readonly names: LruCache<string, string>;

  constructor(maxEntries: number) {
    this.names = new LruCache(maxEntries);
  }

  get size(): number {
    return this.names.size;
  }

  learn(event: DnsEvent): void {
    if (this.names.capacity === 0) return;
    const { dns } = event;
    if (dns.type !== 'answer' || (dns.response_code !== undefined && dns.response_code !== 'NOERROR')) return;
    const name = cleanName(dns.question.name);
    if (name === undefined) return;
    if (dns.resolved_ip !== undefined) {
      for (const ip of dns.resolved_ip) this.names.set(ip, name);
      return;
    }
    for (const answer of dns.answers ?? []) {
      if (answer.type === 'A' || answer.type === 'AAAA') this.names.set(answer.data, name);
    }
  }

  nameOf(ip: string): string | undefined {
    return this.names.peek(ip);
  }
}
