// "/" — the live globe: arcs from the site to every remote endpoint seen, alert sources, a key, the busiest
// connections (keyboard access to what the pointer hovers), details on click, and the geolocation credit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../app/context.js';
import { useDeviceHref } from '../app/use-device-href.js';
import { type Arc } from '../data/arc-store.js';
import { usePublisher } from '../data/use-store.js';
import { Credit } from '../components/Credit.js';
import { formatBytes, formatCount } from '../format.js';
import { AlertPointCache, type AlertPoint } from '../globe/alert-points.js';
import { DetailsPanel, type Selected } from '../globe/DetailsPanel.js';
import { GlobeView } from '../globe/GlobeView.js';
import { HoverLabel, type Hovered } from '../globe/HoverLabel.js';
import { Legend } from '../globe/Legend.js';
import { protocolColor } from '../globe/protocol-colors.js';
import { installTestHook } from '../globe/test-hook.js';
import { useArcSync } from '../globe/use-arc-sync.js';

type Selection = { kind: 'arc'; key: string } | { kind: 'point'; key: string } | undefined;

export function GlobePage() {
  const { live } = useApp();
  const arcsVersion = usePublisher(live.arcsPublisher);
  const alertsVersion = usePublisher(live.alerts.publisher);
  usePublisher(live.flows.publisher);
  usePublisher(live.sitePublisher);
  const { layer, slots, origin, synced } = useArcSync(live);
  const pointCache = useMemo(() => new AlertPointCache(), []);
  const { points, rings } = useMemo(
    () => pointCache.update(live.alerts.snapshot(), Date.now()),
    [pointCache, live, alertsVersion],
  );
  const [hover, setHover] = useState<{ hovered: Hovered; x: number; y: number } | undefined>(undefined);
  const [selection, setSelection] = useState<Selection>(undefined);
  const [globeReady, setGlobeReady] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const pointsRef = useRef(points);
  pointsRef.current = points;
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => installTestHook({
    arcs: () => layer.count,
    points: () => pointsRef.current.length,
    flowsReceived: () => live.flows.received,
    get ready() {
      return globeReady && synced;
    },
  }), [layer, live, globeReady, synced]);

  const top = useMemo(() => live.arcs.top(8), [live, arcsVersion]);
  const selected: Selected | undefined = useMemo(() => {
    if (selection?.kind === 'arc') {
      const arc = live.arcs.get(selection.key);
      return arc === undefined ? undefined : { kind: 'arc', arc };
    }
    if (selection?.kind === 'point') {
      const point = points.find((p) => p.key === selection.key);
      return point === undefined ? undefined : { kind: 'point', point };
    }
    return undefined;
  }, [selection, live, arcsVersion, points]);

  const select = (next: Selection) => {
    if (selection === undefined) returnFocus.current = document.activeElement as HTMLElement | null;
    setSelection(next);
  };
  const close = useCallback(() => {
    setSelection(undefined);
    returnFocus.current?.focus();
  }, []);

  const deviceHref = useDeviceHref();

  const onHoverArc = useCallback((slot: number | undefined, x: number, y: number) => {
    const arc: Arc | undefined = slot === undefined ? undefined : slots[slot];
    setHover((h) => (arc === undefined ? (h?.hovered.kind === 'point' ? h : undefined) : { hovered: { kind: 'arc', arc }, x, y }));
  }, [slots]);
  const onHoverPoint = useCallback((point: AlertPoint | undefined, x: number, y: number) => {
    setHover((h) => (point === undefined ? (h?.hovered.kind === 'arc' ? h : undefined) : { hovered: { kind: 'point', point }, x, y }));
  }, []);

  const unlocated = live.arcs.unlocated;
  const localOnly = live.arcs.localOnly;
  const extraProtocols = useMemo(() => [...new Set(top.map((a) => a.protocol))], [top]);
  const bounds = { width: box.current?.clientWidth ?? 0, height: box.current?.clientHeight ?? 0 };

  return (
    <div className="globe-page" ref={box}>
      <h1 className="visually-hidden">Live connections globe</h1>
      <GlobeView
        layer={layer}
        origin={origin}
        points={points}
        rings={rings}
        onReady={() => setGlobeReady(true)}
        onHoverArc={onHoverArc}
        onClickArc={(slot) => {
          const arc = slots[slot];
          if (arc !== undefined) select({ kind: 'arc', key: arc.key });
        }}
        onHoverPoint={onHoverPoint}
        onClickPoint={(p) => select({ kind: 'point', key: p.key })}
      />
      {!globeReady && <p className="globe-loading" role="status">Drawing the globe…</p>}
      <section className="globe-summary panel" aria-label="Summary">
        <p className="summary-line">
          <strong>{formatCount(layer.count)}</strong>
          {' '}
          remote endpoints ·
          {' '}
          <strong>{formatCount(live.flows.received)}</strong>
          {' '}
          flows received ·
          {' '}
          <strong>{formatCount(points.length)}</strong>
          {' '}
          alert sources
        </p>
        {origin.source !== 'site' && (
          <p className="summary-note">
            {origin.source === 'centroid'
              ? 'Arcs start at the centre of your internal addresses\u2019 locations: '
              : 'Arcs start at 0°, 0° because the site\u2019s location is unknown: '}
            set
            {' '}
            <code>NETWATCH_SITE_LAT</code>
            {' '}
            and
            {' '}
            <code>NETWATCH_SITE_LON</code>
            .
          </p>
        )}
        {(unlocated > 0 || localOnly > 0) && (
          <p className="summary-note">
            Not drawn:
            {' '}
            {formatCount(localOnly)}
            {' '}
            local-only flows,
            {' '}
            {formatCount(unlocated)}
            {' '}
            without a location.
          </p>
        )}
      </section>
      <div className="globe-side">
        <Legend extraProtocols={extraProtocols} />
        <section className="panel top-arcs" aria-labelledby="top-title">
          <h2 id="top-title" className="panel-title">Busiest connections</h2>
          {top.length === 0 ? <p className="muted">Waiting for traffic to located addresses…</p> : (
            <ol className="top-list">
              {top.map((arc) => (
                <li key={arc.key}>
                  <button type="button" className="top-item" onClick={() => select({ kind: 'arc', key: arc.key })}>
                    <span className="swatch swatch-line" style={{ background: protocolColor(arc.protocol) }} aria-hidden="true" />
                    <span className="top-ip">{arc.remote.name ?? arc.remote.ip}</span>
                    <span className="top-geo">{arc.remote.geo.country ?? ''}</span>
                    <span className="top-bytes">{formatBytes(arc.bytes)}</span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      {hover !== undefined && selected === undefined && (
        <HoverLabel hovered={hover.hovered} x={hover.x} y={hover.y} bounds={bounds} />
      )}
      {selected !== undefined && <DetailsPanel selected={selected} deviceHref={deviceHref} onClose={close} />}
      <Credit className="credit credit-overlay" />
    </div>
  );
}
