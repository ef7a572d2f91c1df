// Which arcs hold a rail, and which of those are drawn: the arc layer's rail bookkeeping, apart from its geometry.
// An arc that asks for a rail gets the lowest free rail slot (keeping the rails' draw range short) or none when all
// are taken; with a share below 1 (the frame governor's last resort, quality.ts) only the rails of the widest arcs
// (most bytes) are drawn, ranked again only when rails or widths change. It also keeps where each rail runs, the
// points its vertices are drawn at, for the culling pass (arc-culling.ts cullRails).
import { writeArcPointOf } from './geo.js';

export class RailSlots {
  /** arc slot of each rail slot (-1: free) */
  readonly owner: Int32Array;
  /** per rail slot: segments + 1 points along its arc (x, y, z) */
  readonly points: Float32Array;
  /** rail slot of each arc slot (-1: none) */
  private readonly railOf: Int32Array;
  /** per arc slot: its dash's width, the rank of its rail */
  private readonly widths: Float32Array;
  private budget: number;
  /** per rail slot: among the drawn (when the budget is below the capacity) */
  private readonly allowed: Uint8Array;
  private stale = true;

  constructor(arcs: number, rails: number, private readonly segments: number) {
    this.owner = new Int32Array(rails).fill(-1);
    this.points = new Float32Array(rails * (segments + 1) * 3);
    this.railOf = new Int32Array(arcs).fill(-1);
    this.widths = new Float32Array(arcs);
    this.budget = rails;
    this.allowed = new Uint8Array(rails);
  }

  get capacity(): number {
    return this.owner.length;
  }

  /** Arcs holding a rail. */
  get count(): number {
    return this.owner.reduce((n, arc) => n + (arc >= 0 ? 1 : 0), 0);
  }

  /** One past the highest rail slot in use. */
  get high(): number {
    let high = this.owner.length;
    while (high > 0 && (this.owner[high - 1] as number) < 0) high--;
    return high;
  }

  of(arc: number): number {
    return this.railOf[arc] as number;
  }

  /** The lowest free rail slot, now the arc's; -1 when all are taken. */
  take(arc: number): number {
    const rail = this.owner.indexOf(-1);
    if (rail < 0) return -1;
    this.owner[rail] = arc;
    this.railOf[arc] = rail;
    this.stale = true;
    return rail;
  }

  /** Frees the arc's rail; returns the rail slot it held, -1 when none. */
  release(arc: number): number {
    const rail = this.railOf[arc] as number;
    if (rail < 0) return -1;
    this.railOf[arc] = -1;
    this.owner[rail] = -1;
    this.stale = true;
    return rail;
  }

  /** Where the rail runs: the points of the arc from unit vector (ox, oy, oz) with frame u (ux, uy, uz), angle. */
  place(rail: number, ox: number, oy: number, oz: number, ux: number, uy: number, uz: number, angle: number): void {
    for (let i = 0; i <= this.segments; i++) {
      const at = (rail * (this.segments + 1) + i) * 3;
      writeArcPointOf(ox, oy, oz, ux, uy, uz, angle, i / this.segments, this.points, at);
    }
  }

  /** The arc's dash width, by which its rail is ranked. */
  setWidth(arc: number, width: number): void {
    if (this.railOf[arc] as number >= 0 && this.widths[arc] !== Math.fround(width)) this.stale = true;
    this.widths[arc] = width;
  }

  /** Draw only the rails of the widest `share` (0…1) of the capacity. */
  setShare(share: number): void {
    const budget = Math.round(Math.min(1, Math.max(0, share)) * this.owner.length);
    if (budget === this.budget) return;
    this.budget = budget;
    this.stale = true;
  }

  /** Clears mask[rail] for the rails below the budget's cut, rails [0, count). */
  applyBudget(mask: Uint32Array, count: number): void {
    if (this.budget >= this.owner.length) return;
    if (this.stale) this.rank();
    for (let r = 0; r < count; r++) if (this.allowed[r] === 0) mask[r] = 0;
  }

  private rank(): void {
    this.stale = false;
    const taken: number[] = [];
    for (let r = 0; r < this.owner.length; r++) if ((this.owner[r] as number) >= 0) taken.push(r);
    const width = (r: number) => this.widths[this.owner[r] as number] as number;
    taken.sort((a, b) => width(b) - width(a) || a - b);
    this.allowed.fill(0);
    for (const r of taken.slice(0, this.budget)) this.allowed[r] = 1;
  }
}
