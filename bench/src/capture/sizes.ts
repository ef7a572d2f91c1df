// Size draws for generated flows: heavy-tailed responses (many small, a few huge), short requests.

export type Rng = () => number;

/** A uniform float in [0, 1) from a uint32 generator. */
export function unit(rng: Rng): number {
  return rng() / 4294967296;
}

/** Log-uniform integer in [lo, hi]: as many 1–2 KB objects as 1–2 MB ones, like web object sizes. */
export function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.floor(lo * Math.exp(unit(rng) * Math.log(hi / lo)));
}

/** A request: a TLS ClientHello-sized first message, or a later API/HTTP request. */
export function requestBytes(rng: Rng, first: boolean): number {
  return first ? 517 : 80 + (rng() % 820);
}

/** A short connection's response: 60 % under 4 KB, 35 % up to 64 KB, 5 % up to 1 MB. */
export function mouseResponseBytes(rng: Rng): number {
  const r = rng() % 100;
  if (r < 60) return logUniform(rng, 200, 4000);
  if (r < 95) return logUniform(rng, 4000, 65_536);
  return logUniform(rng, 65_536, 1_048_576);
}

/** A bulk download (software update, video segment run): 256 KB to 16 MB. */
export function elephantResponseBytes(rng: Rng): number {
  return logUniform(rng, 262_144, 16_777_216);
}

/** TCP payload per full segment: MSS less the 12-byte timestamp option (1448 IPv4, 1428 IPv6 → 1514-byte frames). */
export function segmentBytes(v6: boolean): number {
  return v6 ? 1428 : 1448;
}
