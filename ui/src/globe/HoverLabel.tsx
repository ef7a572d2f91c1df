// The label beside the pointer: what the hovered arc or alert point is. React text only (never innerHTML): names
// and titles come from the network.
import { type Arc } from '../data/arc-store.js';
import { formatBytes, geoLabel } from '../format.js';
import { type AlertPoint } from './alert-points.js';

export type Hovered = { kind: 'arc'; arc: Arc } | { kind: 'point'; point: AlertPoint };

export function HoverLabel({ hovered, x, y, bounds }: {
  hovered: Hovered;
  x: number;
  y: number;
  bounds: { width: number; height: number };
}) {
  // keep the label inside the globe's box
  const left = Math.min(x + 14, Math.max(0, bounds.width - 300));
  const top = Math.min(y + 14, Math.max(0, bounds.height - 150));
  return (
    <div className="hover-label" style={{ left, top }} aria-hidden="true">
      {hovered.kind === 'arc' ? <ArcLines arc={hovered.arc} /> : <PointLines point={hovered.point} />}
    </div>
  );
}

function ArcLines({ arc }: { arc: Arc }) {
  const r = arc.remote;
  return (
    <>
      <strong>{r.ip}</strong>
      {r.name !== undefined && <span>{r.name}</span>}
      {geoLabel(r.geo) !== '' && <span>{geoLabel(r.geo)}</span>}
      {r.as !== undefined && (
        <span>{`AS${r.as.number} ${r.as.organization}`}</span>
      )}
      <span>{`${arc.protocol} · ${formatBytes(arc.bytes)} · ${arc.flows} flow${arc.flows === 1 ? '' : 's'}`}</span>
    </>
  );
}

function PointLines({ point }: { point: AlertPoint }) {
  return (
    <>
      <strong>{point.ip}</strong>
      <span>{`${point.severity} · ${point.count} alert${point.count === 1 ? '' : 's'}`}</span>
      <span>{point.title}</span>
      {geoLabel(point.geo) !== '' && <span>{geoLabel(point.geo)}</span>}
    </>
  );
}
