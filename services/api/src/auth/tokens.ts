// Bearer tokens for scripts: only their SHA-256 digests are configured, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** The hex digest to put in NETWATCH_API_TOKEN_SHA256 for a token. */
export function tokenDigestHex(token: string): string {
  return sha256(token).toString('hex');
}

export class TokenSet {
  private readonly digests: readonly Buffer[];

  /** `hexDigests`: 64 hex digits each (validated by the config). */
  constructor(hexDigests: readonly string[]) {
    this.digests = hexDigests.map((h) => Buffer.from(h, 'hex'));
  }

  get size(): number {
    return this.digests.length;
  }

  /**
   * Whether the token's digest is configured. Digests have a fixed length, so timingSafeEqual
   * applies directly; every digest is compared, so the time does not tell which one matched.
   */
  matches(token: string): boolean {
    const given = sha256(token);
    let found = false;
    for (const digest of this.digests) if (timingSafeEqual(given, digest)) found = true;
    return found;
  }
}

/** The token in an `Authorization: Bearer <token>` header (RFC 6750 §2.1), else undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1];
}
