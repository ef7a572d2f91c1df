// RFC 3339 timestamps with all nine fraction digits, formatted cheaply for events built in bursts.

/** The last two seconds formatted (a record's start and end usually fall in one or two). */
const cachedSeconds = [Number.NaN, Number.NaN];
const cachedPrefixes = ['', ''];
let cacheNext = 0;

function secondText(second: number): string {
  if (cachedSeconds[0] === second) return cachedPrefixes[0] as string;
  if (cachedSeconds[1] === second) return cachedPrefixes[1] as string;
  const text = new Date(second * 1000).toISOString().slice(0, 19); // 2025-06-12T09:14:07
  cachedSeconds[cacheNext] = second;
  cachedPrefixes[cacheNext] = text;
  cacheNext ^= 1;
  return text;
}

/** RFC 3339 text of `baseSec` plus `ns` nanoseconds, keeping all nine digits. */
export function isoTime(baseSec: number, ns: number): string {
  const whole = Math.floor(ns / 1e9);
  const nanos = Math.round(ns - whole * 1e9);
  // Records exported together mostly share their seconds: the date part is formatted once.
  const prefix = secondText(baseSec + whole + (nanos === 1e9 ? 1 : 0));
  return `${prefix}.${String(nanos === 1e9 ? 0 : nanos).padStart(9, '0')}Z`;
}

/** The RFC 3339 text of a packet's capture time (`PacketView.tsSec`, `tsNsec`). */
export function packetTime(tsSec: number, tsNsec: number): string {
  return isoTime(tsSec, tsNsec);
}
