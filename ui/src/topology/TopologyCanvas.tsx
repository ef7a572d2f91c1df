// Draws the force layout on a canvas, animating while it settles; hover names a node, click opens it.
import { useEffect, useRef, useState } from 'react';
import { useWidth } from '../components/use-width.js';
import { formatBytes } from '../format.js';
import { protocolColor } from '../globe/protocol-colors.js';
import { ForceLayout, initialNodes } from './force-layout.js';
import { type Graph } from './graph.js';

const HEIGHT = 560;
const DEVICE = '#38bdf8';
const EXTERNAL = '#94a3b8';

export function TopologyCanvas({ graph, onOpen }: { graph: Graph; onOpen: (index: number) => void }) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(wrap, 900);
  const layout = useRef<ForceLayout | undefined>(undefined);
  const view = useRef({ scale: 1, ox: 0, oy: 0 });
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | undefined>(undefined);
  const maxWeight = Math.max(1, ...graph.weight);
  const radius = (i: number): number => 3 + 7 * Math.sqrt((graph.weight[i] ?? 0) / maxWeight);

  useEffect(() => {
    const sim = new ForceLayout(initialNodes(graph.nodes.length), graph.links);
    layout.current = sim;
    let frame = 0;
    const draw = () => {
      // a few ticks per frame: settles in about a second without blocking the page
      for (let i = 0; i < 4; i++) sim.tick();
      paint();
      if (!sim.settled) frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [graph, width]);

  function paint(): void {
    const sim = layout.current;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (sim === undefined || el === null || ctx === null || ctx === undefined) return;
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== Math.round(width * dpr)) {
      el.width = Math.round(width * dpr);
      el.height = Math.round(HEIGHT * dpr);
    }
    const b = sim.bounds();
    const pad = 40;
    const scale = Math.min(
      (width - 2 * pad) / Math.max(1, b.maxX - b.minX),
      (HEIGHT - 2 * pad) / Math.max(1, b.maxY - b.minY),
      3,
    );
    const ox = width / 2 - ((b.minX + b.maxX) / 2) * scale;
    const oy = HEIGHT / 2 - ((b.minY + b.maxY) / 2) * scale;
    view.current = { scale, ox, oy };
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, HEIGHT);
    for (const l of graph.links) {
      const a = sim.nodes[l.source];
      const c = sim.nodes[l.target];
      if (a === undefined || c === undefined) continue;
      ctx.strokeStyle = protocolColor(l.protocol);
      ctx.globalAlpha = 0.25 + 0.5 * l.weight;
      ctx.lineWidth = 0.5 + 3 * l.weight;
      ctx.beginPath();
      ctx.moveTo(a.x * scale + ox, a.y * scale + oy);
      ctx.lineTo(c.x * scale + ox, c.y * scale + oy);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    graph.nodes.forEach((n, i) => {
      const p = sim.nodes[i];
      if (p === undefined) return;
      const x = p.x * scale + ox;
      const y = p.y * scale + oy;
      ctx.beginPath();
      ctx.arc(x, y, radius(i), 0, Math.PI * 2);
      ctx.fillStyle = n.kind === 'device' ? DEVICE : '#1e293b';
      ctx.strokeStyle = n.kind === 'device' ? '#e0f2fe' : EXTERNAL;
      ctx.lineWidth = 1.2;
      ctx.fill();
      ctx.stroke();
      if (n.kind === 'device' || radius(i) > 7) {
        ctx.fillStyle = '#cbd5e1';
        ctx.font = '11px system-ui, sans-serif';
        ctx.fillText(n.label.slice(0, 28), x + radius(i) + 3, y + 4);
      }
    });
  }

  const nodeAt = (clientX: number, clientY: number): number | undefined => {
    const sim = layout.current;
    const el = canvas.current;
    if (sim === undefined || el === null) return undefined;
    const rect = el.getBoundingClientRect();
    const { scale, ox, oy } = view.current;
    let best: number | undefined;
    let bestD = Infinity;
    sim.nodes.forEach((p, i) => {
      const d = Math.hypot(p.x * scale + ox - (clientX - rect.left), p.y * scale + oy - (clientY - rect.top));
      if (d < Math.max(8, radius(i) + 3) && d < bestD) {
        best = i;
        bestD = d;
      }
    });
    return best;
  };

  const hovered = hover === undefined ? undefined : graph.nodes[hover.index];
  return (
    <div className="topology-wrap" ref={wrap}>
      <canvas
        ref={canvas}
        className="topology-canvas"
        style={{ width, height: HEIGHT, cursor: hover === undefined ? 'default' : 'pointer' }}
        role="img"
        aria-label={`Graph of ${graph.nodes.length} nodes and ${graph.links.length} links; the same data is in the table below`}
        onPointerMove={(ev) => {
          const i = nodeAt(ev.clientX, ev.clientY);
          const rect = ev.currentTarget.getBoundingClientRect();
          setHover(i === undefined ? undefined : { index: i, x: ev.clientX - rect.left, y: ev.clientY - rect.top });
        }}
        onPointerLeave={() => setHover(undefined)}
        onClick={(ev) => {
          const i = nodeAt(ev.clientX, ev.clientY);
          if (i !== undefined) onOpen(i);
        }}
      />
      {hovered !== undefined && hover !== undefined && (
        <div className="hover-label" style={{ left: hover.x + 12, top: hover.y + 12 }} aria-hidden="true">
          <strong>{hovered.label}</strong>
          {hovered.ip !== undefined && <span>{hovered.ip}</span>}
          <span>
            {hovered.kind}
            {hovered.country !== undefined ? ` · ${hovered.country}` : ''}
          </span>
          <span>{formatBytes(graph.weight[hover.index] ?? 0)}</span>
        </div>
      )}
    </div>
  );
}
