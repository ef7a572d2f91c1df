// "/topology" — devices and the external endpoints they talk to, as a force-directed graph (bounded to the 150
// busiest nodes) with the same links in a table for keyboard and screen-reader users. Refreshes every 15 s.
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../app/context.js';
import { ApiError } from '../data/api-client.js';
import type { Topology, TopologyNode } from '../data/types.js';
import { formatBytes, formatCount } from '../format.js';
import { navigate } from '../router/history.js';
import { Link } from '../router/Link.js';
import { buildGraph } from '../topology/graph.js';
import { TopologyCanvas } from '../topology/TopologyCanvas.js';

const REFRESH_MS = 15_000;

function nodeHref(n: TopologyNode): string {
  if (n.kind === 'device') return `/devices/${encodeURIComponent(n.id)}`;
  return `/flows?ip=${encodeURIComponent(n.ip ?? n.id)}`;
}

export function TopologyPage() {
  const { api } = useApp();
  const [topology, setTopology] = useState<Topology | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const [frozen, setFrozen] = useState(false);

  useEffect(() => {
    let cancelled = false;
    api.topology().then(
      (t) => {
        if (cancelled) return;
        setTopology(t);
        setError(undefined);
      },
      (err: unknown) => !cancelled && setError(err instanceof ApiError ? err.message : String(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [api, tick]);

  useEffect(() => {
    if (frozen) return;
    const timer = setInterval(() => setTick((t) => t + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, [frozen]);

  const graph = useMemo(() => (topology === undefined ? undefined : buildGraph(topology)), [topology]);
  const topLinks = useMemo(
    () => (graph === undefined ? [] : [...graph.links].sort((a, b) => b.bytes - a.bytes).slice(0, 50)),
    [graph],
  );

  return (
    <div className="page">
      <header className="page-head">
        <h1>Topology</h1>
        <p className="muted">
          {graph === undefined ? 'Loading…'
            : `${graph.nodes.length} nodes · ${graph.links.length} links${graph.droppedNodes > 0 ? ` · ${graph.droppedNodes} quieter nodes not drawn` : ''}`}
        </p>
      </header>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setTick((t) => t + 1)}>Refresh</button>
        <label className="check">
          <input type="checkbox" checked={frozen} onChange={(ev) => setFrozen(ev.target.checked)} />
          Stop refreshing every 15 s
        </label>
        <p className="legend-inline">
          <span className="swatch swatch-dot" style={{ background: '#38bdf8' }} aria-hidden="true" />
          {' '}
          device
          <span className="swatch swatch-dot swatch-ring" aria-hidden="true" />
          {' '}
          external · lines coloured by protocol
        </p>
      </div>
      {error !== undefined && (
        <p className="notice notice-error" role="alert">
          {`Topology unavailable: ${error}`}
        </p>
      )}
      {graph !== undefined && graph.nodes.length === 0 && <p className="empty">No connections yet.</p>}
      {graph !== undefined && graph.nodes.length > 0 && (
        <>
          <TopologyCanvas
            graph={graph}
            onOpen={(i) => {
              const n = graph.nodes[i];
              if (n !== undefined) navigate(nodeHref(n));
            }}
          />
          <details className="section">
            <summary>Busiest links as a table</summary>
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Busiest links</caption>
                <thead>
                  <tr>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                    <th scope="col">Protocol</th>
                    <th scope="col" className="num">Bytes</th>
                    <th scope="col" className="num">Flows</th>
                  </tr>
                </thead>
                <tbody>
                  {topLinks.map((l, i) => {
                    const a = graph.nodes[l.source];
                    const b = graph.nodes[l.target];
                    if (a === undefined || b === undefined) return null;
                    return (
                      <tr key={i}>
                        <td><Link href={nodeHref(a)}>{a.label}</Link></td>
                        <td><Link href={nodeHref(b)}>{b.label}</Link></td>
                        <td>{l.protocol ?? ''}</td>
                        <td className="num">{formatBytes(l.bytes)}</td>
                        <td className="num">{formatCount(l.flows)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </div>
  );
}
