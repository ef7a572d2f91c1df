// p0f's text form of an observed SYN or SYN+ACK ("raw_sig"), e.g. 4:64+0:0:1460:mss*44,7:mss,sok,ts,nop,ws:df,id+:0.
import { guessDistance, MAX_DISTANCE, type MatchResult } from './matcher.js';
import { formatQuirks } from './quirks.js';
import { formatLayout } from './tcp-option-kind.js';
import { TcpKind, type TcpObservation } from './tcp-observation.js';

/** The MSS p0f-sendsyn probes with; a SYN+ACK echoing it gets `*` (SPECIAL_MSS in p0f 3). */
const SENDSYN_MSS = 1331;

/**
 * `ver:ttl+dist:olen:mss:wsize,scale:olayout:quirks:pclass` as p0f prints it (fp_tcp.c dump_sig): the
 * TTL with the guessed distance (`+?` beyond MAX_DISTANCE), the window as `mss*N`/`mtu*N` when
 * `matchTcp` found a multiple. `match` must come from `matchTcp` on the same observation.
 */
export function formatRawSignature(obs: TcpObservation, match: MatchResult): string {
  const guess = guessDistance(obs.ttl);
  const ttl = guess > MAX_DISTANCE ? `${obs.ttl}+?` : `${obs.ttl}+${guess}`;
  const mss = obs.mss === SENDSYN_MSS && obs.kind === TcpKind.SYN_ACK ? '*' : String(obs.mss);
  const window = match.windowMultiple > 0 ? `${match.windowIsMtu ? 'mtu' : 'mss'}*${match.windowMultiple}` : String(obs.window);
  const layout = formatLayout(obs.layout, obs.layoutCount, obs.eolPadding);
  return `${obs.ipVersion}:${ttl}:${obs.ipOptionsLength}:${mss}:${window},${obs.windowScale}:${layout}:` +
    `${formatQuirks(obs.quirks)}:${obs.payloadLength > 0 ? '+' : '0'}`;
}
