// The globe's key: what arc colours (protocols) and point colours (alert severities) mean.
import { SEVERITY_COLORS, SEVERITY_NAMES } from '../data/severity.js';
import { LEGEND_PROTOCOLS, protocolColor } from './protocol-colors.js';

export function Legend({ extraProtocols = [] }: { extraProtocols?: string[] }) {
  const protocols = [...LEGEND_PROTOCOLS, ...extraProtocols.filter((p) => !LEGEND_PROTOCOLS.includes(p))].slice(0, 12);
  return (
    <section className="legend panel" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-title">Key</h2>
      <p className="legend-caption">Arcs by protocol · width by bytes · dash shows direction</p>
      <ul className="legend-list">
        {protocols.map((p) => (
          <li key={p}>
            <span className="swatch swatch-line" style={{ background: protocolColor(p) }} aria-hidden="true" />
            {p}
          </li>
        ))}
      </ul>
      <p className="legend-caption">Alert sources by severity</p>
      <ul className="legend-list">
        {[...SEVERITY_NAMES].reverse().map((s) => (
          <li key={s}>
            <span className="swatch swatch-dot" style={{ background: SEVERITY_COLORS[s] }} aria-hidden="true" />
            {s}
          </li>
        ))}
      </ul>
    </section>
  );
}
