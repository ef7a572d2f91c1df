// Pairs queries with responses (bounded pending table, capture-time timeout) and hands each transaction on.
import type { DnsMessage } from '@netwatch/packet/dns/dns-message';
import type { DnsSighting } from './dns-endpoints.js';
import type { SeenMessage } from './dns-event.js';
import type { DnsStats } from './dns-stats.js';

export type OnTransaction = (query: SeenMessage | null, response: SeenMessage | null) => void;

/**
 * The key of a transaction: client and server address and port, transport, message id and the
 * first question (lowercased: RFC 4343 §3 case-insensitivity; a resolver using 0x20 case
 * randomisation echoes the exact case, so this loses nothing). Query and response give the same key.
 */
function keyOf(m: DnsMessage, s: DnsSighting): string {
  const q = m.questions[0];
  const question = q ? `${q.name.toLowerCase()}|${q.type}|${q.class}` : '-';
  return `${s.transport}|${s.client.ip}|${s.client.port}|${s.server.ip}|${s.server.port}|${m.header.id}|${question}`;
}

export class DnsTransactions {
  /** Insertion order is arrival order, so the oldest pending query is always first. */
  private readonly pending = new Map<string, SeenMessage>();

  constructor(
    private readonly timeoutSec: number,
    private readonly maxPending: number,
    private readonly stats: DnsStats,
    private readonly emit: OnTransaction,
  ) {}

  onMessage(message: DnsMessage, seen: DnsSighting): void {
    const key = keyOf(message, seen);
    if (!message.header.qr) {
      this.stats.queries++;
      if (this.pending.has(key)) {
        this.stats.duplicateQueries++;
        return;
      }
      if (this.pending.size >= this.maxPending) this.evictOldest();
      this.pending.set(key, { message, seen });
      this.stats.pending = this.pending.size;
      return;
    }
    this.stats.responses++;
    const query = this.pending.get(key);
    if (query === undefined) {
      this.stats.responsesWithoutQuery++;
      this.emit(null, { message, seen });
      return;
    }
    this.pending.delete(key);
    this.stats.pending = this.pending.size;
    this.stats.answered++;
    this.emit(query, { message, seen });
  }

  /** Publishes queries older than the timeout at capture time `tsSec`. */
  expire(tsSec: number): void {
    for (const [key, query] of this.pending) {
      if (query.seen.tsSec + query.seen.tsNsec / 1e9 + this.timeoutSec > tsSec) break;
      this.pending.delete(key);
      this.unanswered(query);
    }
    this.stats.pending = this.pending.size;
  }

  /** End of input: every pending query is published unanswered. */
  finish(): void {
    for (const query of this.pending.values()) this.unanswered(query);
    this.pending.clear();
    this.stats.pending = 0;
  }

  private evictOldest(): void {
    const oldest = this.pending.entries().next();
    if (oldest.done === true) return;
    this.pending.delete(oldest.value[0]);
    this.stats.evicted++;
    this.unanswered(oldest.value[1]);
  }

  private unanswered(query: SeenMessage): void {
    this.stats.unanswered++;
    this.emit(query, null);
  }
}
