// A small SVG line chart of a rate over time (no chart library): y axis with nice ticks, time at both ends, and a
// text summary for screen readers.
import { useRef } from 'react';
import { formatTime } from '../format.js';
import { linePath, niceMax, ticks } from './chart-scale.js';
import { useWidth } from './use-width.js';

export interface LineChartProps {
  title: string;
  points: readonly { time: string; value: number }[];
  format: (v: number) => string;
  /** axis labels: shorter than `format` (the unit is in the title) */
  tick?: (v: number) => string;
  color?: string;
  height?: number;
}

const PAD = { left: 56, right: 12, top: 10, bottom: 22 };

export function LineChart({ title, points, format, tick = format, color = '#38bdf8', height = 170 }: LineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const data = points.map((p) => ({ t: Date.parse(p.time), v: p.value })).filter((p) => Number.isFinite(p.t));
  const innerW = Math.max(10, width - PAD.left - PAD.right);
  const innerH = height - PAD.top - PAD.bottom;
  const max = niceMax(Math.max(0, ...data.map((p) => p.v)));
  const t0 = data[0]?.t ?? 0;
  const t1 = data[data.length - 1]?.t ?? 0;
  const latest = data[data.length - 1]?.v;
  const peak = data.reduce((m, p) => Math.max(m, p.v), 0);
  const path = linePath(data, t0, t1, max, innerW, innerH);
  const summary = data.length === 0 ? 'no data yet' : `now ${format(latest ?? 0)}, peak ${format(peak)} over the period`;
  return (
    <figure className="chart" ref={box}>
      <figcaption className="chart-title">
        {title}
        {' '}
        <span className="chart-now">{latest === undefined ? '' : format(latest)}</span>
      </figcaption>
      <svg width={width} height={height} role="img" aria-label={`${title}: ${summary}`}>
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {ticks(max).map((v) => {
            const y = innerH - (v / max) * innerH;
            return (
              <g key={v}>
                <line x1={0} x2={innerW} y1={y} y2={y} className="chart-grid" />
                <text x={-8} y={y} className="chart-axis" textAnchor="end" dominantBaseline="middle">{tick(v)}</text>
              </g>
            );
          })}
          {path !== '' && (
            <>
              <path d={`${path}L${innerW},${innerH}L0,${innerH}Z`} fill={color} opacity={0.12} />
              <path d={path} fill="none" stroke={color} strokeWidth={1.6} strokeLinejoin="round" />
            </>
          )}
          {data.length > 1 && (
            <>
              <text x={0} y={innerH + 16} className="chart-axis">{formatTime(new Date(t0).toISOString())}</text>
              <text x={innerW} y={innerH + 16} className="chart-axis" textAnchor="end">
                {formatTime(new Date(t1).toISOString())}
              </text>
            </>
          )}
        </g>
      </svg>
    </figure>
  );
}
