// The protocol mix as horizontal bars (share of bytes), readable as a plain list without the bars.
import { type ProtocolShare } from '../data/types.js';
import { formatBytes, formatCount, formatPercent } from '../format.js';
import { protocolColor } from '../globe/protocol-colors.js';

export function ProtocolBars({ protocols, max = 10 }: { protocols: readonly ProtocolShare[]; max?: number }) {
  const sorted = [...protocols].sort((a, b) => b.bytes - a.bytes).slice(0, max);
  const total = protocols.reduce((s, p) => s + p.bytes, 0);
  const top = sorted[0]?.bytes ?? 0;
  if (sorted.length === 0) return <p className="muted">No traffic counted yet.</p>;
  return (
    <ul className="bars">
      {sorted.map((p) => (
        <li key={p.name} className="bar-row">
          <span className="bar-label">{p.name}</span>
          <span className="bar-track" aria-hidden="true">
            <span
              className="bar-fill"
              style={{ width: `${top > 0 ? Math.max(1, (100 * p.bytes) / top) : 0}%`, background: protocolColor(p.name) }}
            />
          </span>
          <span className="bar-value">
            {`${formatBytes(p.bytes)} · ${formatPercent(p.bytes, total)} · ${formatCount(p.flows)} flows`}
          </span>
        </li>
      ))}
    </ul>
  );
}
