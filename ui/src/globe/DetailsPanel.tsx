// Details of a selected arc or alert source, with links onwards (the device page for internal addresses, Flows
// filtered by the address, Alerts). Focus moves here on open; Escape or the close button closes it.
import { useEffect, useRef } from 'react';
import { type Arc } from '../data/arc-store.js';
import { formatBytes, formatDateTime, geoLabel, timeAgo } from '../format.js';
import { Link } from '../router/Link.js';
import { type AlertPoint } from './alert-points.js';
import { protocolColor } from './protocol-colors.js';

export type Selected = { kind: 'arc'; arc: Arc } | { kind: 'point'; point: AlertPoint };

export function DetailsPanel({ selected, deviceHref, onClose }: {
  selected: Selected;
  /** the device page of an internal address */
  deviceHref: (ip: string) => string;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [selected.kind === 'arc' ? selected.arc.key : selected.point.key]);
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside className="details panel" aria-labelledby="details-title">
      <div className="details-head">
        <h2 id="details-title" className="panel-title" tabIndex={-1} ref={heading}>
          {selected.kind === 'arc' ? selected.arc.remote.ip : selected.point.ip}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      {selected.kind === 'arc'
        ? <ArcDetails arc={selected.arc} deviceHref={deviceHref} />
        : <PointDetails point={selected.point} />}
    </aside>
  );
}

function ArcDetails({ arc, deviceHref }: { arc: Arc; deviceHref: (ip: string) => string }) {
  const r = arc.remote;
  const protocols = [...arc.protocolBytes.entries()].sort((a, b) => b[1] - a[1]);
  return (
    <>
      <dl className="facts">
        {r.name !== undefined && (
          <>
            <dt>Name</dt>
            <dd>{r.name}</dd>
          </>
        )}
        <dt>Location</dt>
        <dd>{geoLabel(r.geo) || `${r.geo.lat.toFixed(2)}, ${r.geo.lon.toFixed(2)}`}</dd>
        {r.as !== undefined && (
          <>
            <dt>Network</dt>
            <dd>{`AS${r.as.number} ${r.as.organization}`}</dd>
          </>
        )}
        <dt>Traffic</dt>
        <dd>{`${formatBytes(arc.bytes)} in ${arc.flows} flow${arc.flows === 1 ? '' : 's'}`}</dd>
        <dt>Direction</dt>
        <dd>{`${formatBytes(arc.outBytes)} out · ${formatBytes(arc.inBytes)} in`}</dd>
        <dt>Seen</dt>
        <dd title={formatDateTime(new Date(arc.firstSeen).toISOString())}>
          {`first ${timeAgo(arc.firstSeen)}, last ${timeAgo(arc.lastSeen)}`}
        </dd>
      </dl>
      <h3 className="details-sub">Protocols</h3>
      <ul className="chips">
        {protocols.map(([name, bytes]) => (
          <li key={name} className="chip">
            <span className="swatch swatch-dot" style={{ background: protocolColor(name) }} aria-hidden="true" />
            {name}
            {' '}
            {formatBytes(bytes)}
          </li>
        ))}
      </ul>
      <h3 className="details-sub">Local devices</h3>
      <ul className="link-list">
        {arc.locals.length === 0 && <li>none seen (transit traffic)</li>}
        {arc.locals.map((ip) => <li key={ip}><Link href={deviceHref(ip)}>{ip}</Link></li>)}
      </ul>
      <p className="details-actions">
        <Link className="button" href={`/flows?ip=${encodeURIComponent(r.ip)}`}>
          {`Flows with ${r.ip}`}
        </Link>
      </p>
    </>
  );
}

function PointDetails({ point }: { point: AlertPoint }) {
  return (
    <>
      <dl className="facts">
        <dt>Severity</dt>
        <dd>{point.severity}</dd>
        <dt>Alerts</dt>
        <dd>{`${point.count} (${point.unacknowledged} not acknowledged)`}</dd>
        <dt>Latest</dt>
        <dd>{point.title}</dd>
        <dt>When</dt>
        <dd>{timeAgo(point.lastTime)}</dd>
        <dt>Location</dt>
        <dd>{geoLabel(point.geo) || `${point.lat.toFixed(2)}, ${point.lng.toFixed(2)}`}</dd>
      </dl>
      <p className="details-actions">
        <Link className="button" href="/alerts">All alerts</Link>
        <Link className="button" href={`/flows?ip=${encodeURIComponent(point.ip)}`}>
          {`Flows with ${point.ip}`}
        </Link>
      </p>
    </>
  );
}
