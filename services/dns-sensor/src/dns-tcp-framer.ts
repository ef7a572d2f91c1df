// DNS over TCP framing (RFC 7766 §8, RFC 1035 §4.2.2): 2-byte length prefix, many messages per connection.

/** Called with each whole message, `data[offset, offset + length)`, valid only during the call. */
export type OnTcpMessage = (data: Uint8Array, offset: number, length: number) => void;

/**
 * Splits one direction's in-order bytes into messages. A message inside one delivered chunk is
 * handed over in place; one spanning chunks is copied once into a buffer of its announced size
 * (at most 65,535 bytes). A zero length prefix carries no message and is counted, then skipped.
 */
export class DnsTcpFramer {
  /** Bytes of the length prefix seen so far (0–2) and its value. */
  private prefixBytes = 0;
  private expected = 0;
  /** The message being assembled across chunks, or null. */
  private partial: Uint8Array | null = null;
  private filled = 0;
  zeroLengthMessages = 0;

  /** Whether a message is half-read (the stream ending now would cut it). */
  get midMessage(): boolean {
    return this.prefixBytes > 0;
  }

  push(data: Uint8Array, offset: number, length: number, onMessage: OnTcpMessage): void {
    let pos = offset;
    const end = offset + length;
    while (pos < end) {
      if (this.prefixBytes < 2) {
        this.expected = (this.expected << 8) | (data[pos++] as number);
        if (++this.prefixBytes < 2) continue;
        if (this.expected === 0) {
          this.zeroLengthMessages++;
          this.reset();
        }
        continue;
      }
      const need = this.expected - this.filled;
      const available = end - pos;
      if (this.partial === null && available >= need) {
        onMessage(data, pos, need);
        pos += need;
        this.reset();
        continue;
      }
      this.partial ??= new Uint8Array(this.expected);
      const take = Math.min(need, available);
      this.partial.set(data.subarray(pos, pos + take), this.filled);
      this.filled += take;
      pos += take;
      if (this.filled === this.expected) {
        const whole = this.partial;
        this.reset();
        onMessage(whole, 0, whole.length);
      }
    }
  }

  /** Forget any half-read message (after a gap the byte stream cannot be re-synchronised). */
  reset(): void {
    this.prefixBytes = 0;
    this.expected = 0;
    this.partial = null;
    this.filled = 0;
  }
}
