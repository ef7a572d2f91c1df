// A three.js geometry cut into fixed slots of vertices, one slot per drawn thing (an arc's dash, rail or end): a
// static template attribute says where each vertex sits within its slot; the other attributes are per-slot records
// copied to each of its vertices (no instancing: instanced draws are slow in SwiftShader). Writes mark the slot
// dirty, and flush() uploads only the dirty slots' ranges; the draw range stops at the highest slot in use.
import * as THREE from 'three';

export interface SlotGeometryOptions {
  slots: number;
  vertsPerSlot: number;
  /** the template attribute's name and its value for vertex k of any slot (none when a slot is one vertex) */
  template?: { name: string; size: number; at: (k: number) => readonly number[] };
  /** indices of one slot's triangles, relative to its first vertex; none for points */
  indices?: readonly number[];
  /** per-slot record attributes: name → components per vertex */
  records: Record<string, number>;
}

export class SlotGeometry {
  readonly geometry = new THREE.BufferGeometry();
  readonly slots: number;
  readonly vertsPerSlot: number;
  private readonly indicesPerSlot: number;
  private readonly records: THREE.BufferAttribute[] = [];
  private readonly dirty = new Set<number>();
  private high = 0;

  constructor(options: SlotGeometryOptions) {
    const { slots, vertsPerSlot, template, indices } = options;
    this.slots = slots;
    this.vertsPerSlot = vertsPerSlot;
    const n = slots * vertsPerSlot;
    if (template !== undefined) {
      const tmpl = new Float32Array(n * template.size);
      for (let k = 0; k < vertsPerSlot; k++) {
        const v = template.at(k);
        for (let s = 0; s < slots; s++) tmpl.set(v, (s * vertsPerSlot + k) * template.size);
      }
      this.geometry.setAttribute(template.name, new THREE.BufferAttribute(tmpl, template.size));
    }
    for (const [name, size] of Object.entries(options.records)) {
      const attr = new THREE.BufferAttribute(new Float32Array(n * size), size);
      this.geometry.setAttribute(name, attr);
      this.records.push(attr);
    }
    this.indicesPerSlot = indices?.length ?? 0;
    if (indices !== undefined) {
      // 16-bit indices when they fit: half the index data for the rasteriser to read
      const index = n <= 0x10000 ? new Uint16Array(slots * indices.length) : new Uint32Array(slots * indices.length);
      for (let s = 0; s < slots; s++) {
        for (let i = 0; i < indices.length; i++) {
          index[s * indices.length + i] = s * vertsPerSlot + (indices[i] as number);
        }
      }
      this.geometry.setIndex(new THREE.BufferAttribute(index, 1));
    }
    // the shaders move every vertex: bounds from the data would be wrong, and the meshes are never culled anyway
    this.geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 200);
    this.setHigh(0);
  }

  /** Slots [0, n) are drawn (unused ones among them are made invisible by their record). */
  setHigh(n: number): void {
    this.high = n;
    this.geometry.setDrawRange(0, n * (this.indicesPerSlot > 0 ? this.indicesPerSlot : this.vertsPerSlot));
  }

  get highSlot(): number {
    return this.high;
  }

  /** Writes the same record to every vertex of the slot. */
  write(slot: number, name: string, values: readonly number[]): void {
    const attr = this.geometry.getAttribute(name) as THREE.BufferAttribute;
    const array = attr.array as Float32Array;
    const base = slot * this.vertsPerSlot;
    for (let k = 0; k < this.vertsPerSlot; k++) array.set(values, (base + k) * attr.itemSize);
    this.dirty.add(slot);
  }

  /** Uploads what changed since the last flush: one range per run of dirty slots, or everything when most did. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const all = this.dirty.size > this.slots / 8;
    const slots = [...this.dirty].sort((a, b) => a - b);
    for (const attr of this.records) {
      attr.clearUpdateRanges();
      if (!all) {
        const per = this.vertsPerSlot * attr.itemSize;
        for (let i = 0; i < slots.length;) {
          let j = i;
          while (j + 1 < slots.length && (slots[j + 1] as number) === (slots[j] as number) + 1) j++;
          attr.addUpdateRange((slots[i] as number) * per, (j - i + 1) * per);
          i = j + 1;
        }
      }
      attr.needsUpdate = true;
    }
    this.dirty.clear();
  }

  dispose(): void {
    this.geometry.dispose();
  }
}
