// A small force-directed layout (pure, deterministic): many-body repulsion, springs along links, a pull to the
// centre, velocity decay and a cooling "alpha" — the model of d3-force (Bostock), written for a few hundred nodes.

export interface LayoutNode {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

export interface LayoutLink {
  source: number;
  target: number;
  /** 0..1: stronger links pull harder and sit shorter */
  weight: number;
}

export interface LayoutOptions {
  repulsion: number;
  linkDistance: number;
  linkStrength: number;
  centerStrength: number;
  velocityDecay: number;
  alphaMin: number;
  alphaDecay: number;
}

export const defaultLayout: LayoutOptions = {
  repulsion: 1500,
  linkDistance: 40,
  linkStrength: 0.1,
  centerStrength: 0.01,
  velocityDecay: 0.4,
  alphaMin: 0.005,
  // d3's default: alpha falls from 1 to alphaMin in about 300 ticks
  alphaDecay: 1 - Math.pow(0.001, 1 / 300),
};

/** Initial positions on a phyllotaxis spiral (as d3-force does): spread out, deterministic, no overlaps. */
export function initialNodes(n: number): LayoutNode[] {
  const angle = Math.PI * (3 - Math.sqrt(5));
  const out: LayoutNode[] = [];
  for (let i = 0; i < n; i++) {
    const r = 10 * Math.sqrt(0.5 + i);
    out.push({ x: r * Math.cos(i * angle), y: r * Math.sin(i * angle), vx: 0, vy: 0 });
  }
  return out;
}

export class ForceLayout {
  alpha = 1;

  constructor(
    readonly nodes: LayoutNode[],
    readonly links: LayoutLink[],
    readonly options: LayoutOptions = defaultLayout,
  ) {}

  get settled(): boolean {
    return this.alpha < this.options.alphaMin;
  }

  /** One simulation step; returns false once settled. */
  tick(): boolean {
    if (this.settled) return false;
    const { nodes, links, options: o } = this;
    const alpha = this.alpha;
    const n = nodes.length;
    for (let i = 0; i < n; i++) {
      const a = nodes[i] as LayoutNode;
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j] as LayoutNode;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d2 = dx * dx + dy * dy;
        if (d2 < 1e-6) {
          // coincident nodes: push apart along a fixed direction so the result stays deterministic
          dx = 1e-3 * (j - i);
          dy = 1e-3;
          d2 = dx * dx + dy * dy;
        }
        const f = (o.repulsion * alpha) / Math.max(d2, 25);
        a.vx -= dx * f / Math.sqrt(d2);
        a.vy -= dy * f / Math.sqrt(d2);
        b.vx += dx * f / Math.sqrt(d2);
        b.vy += dy * f / Math.sqrt(d2);
      }
    }
    for (const l of links) {
      const a = nodes[l.source];
      const b = nodes[l.target];
      if (a === undefined || b === undefined || a === b) continue;
      const dx = b.x + b.vx - a.x - a.vx;
      const dy = b.y + b.vy - a.y - a.vy;
      const d = Math.sqrt(dx * dx + dy * dy) || 1e-3;
      const rest = o.linkDistance * (1.4 - 0.6 * l.weight);
      const k = ((d - rest) / d) * alpha * o.linkStrength * (0.5 + l.weight);
      a.vx += dx * k;
      a.vy += dy * k;
      b.vx -= dx * k;
      b.vy -= dy * k;
    }
    for (const p of nodes) {
      p.vx -= p.x * o.centerStrength * alpha;
      p.vy -= p.y * o.centerStrength * alpha;
      p.vx *= 1 - o.velocityDecay;
      p.vy *= 1 - o.velocityDecay;
      p.x += p.vx;
      p.y += p.vy;
    }
    this.alpha += (0 - this.alpha) * o.alphaDecay;
    return true;
  }

  /** The bounding box of all nodes. */
  bounds(): { minX: number; minY: number; maxX: number; maxY: number } {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of this.nodes) {
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x);
      maxY = Math.max(maxY, p.y);
    }
    return this.nodes.length === 0 ? { minX: -1, minY: -1, maxX: 1, maxY: 1 } : { minX, minY, maxX, maxY };
  }
}
