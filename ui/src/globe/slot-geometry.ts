// A three.js geometry cut into fixed slots of vertices, one slot per drawn thing (an arc's dash, rail or end): a
// static template attribute says where each vertex sits within its slot; the other attributes are per-slot records
// copied to each of its vertices (no instancing: instanced draws are slow in SwiftShader). Writes mark the slot
// dirty, and flush() uploads only the dirty slots' ranges. The index is cut into groups (a ribbon's segments, a
// point): the draw covers every group of the slots up to the highest in use, until showOnly() is given a mask of the
// groups to draw; from then on the index holds only those, rewritten each time (arc-culling.ts).
import * as THREE from 'three';

export interface SlotGeometryOptions {
  slots: number;
  vertsPerSlot: number;
  /** the template attribute's name and its value for vertex k of any slot (none when a slot is one vertex) */
  template?: { name: string; size: number; at: (k: number) => readonly number[] };
  /**
   * one slot's index, relative to its first vertex, in groups that are drawn or left out together (at most 32): a
   * ribbon's segments as triangles, [[0]] for a point
   */
  groups: readonly (readonly number[])[];
  /** per-slot record attributes: name → components per vertex */
  records: Record<string, number>;
}

export class SlotGeometry {
  readonly geometry = new THREE.BufferGeometry();
  readonly slots: number;
  readonly vertsPerSlot: number;
  private readonly indicesPerSlot: number;
  private readonly groups: readonly (readonly number[])[];
  private readonly index: THREE.BufferAttribute;
  private readonly records: THREE.BufferAttribute[] = [];
  private readonly dirty = new Set<number>();
  private high = 0;
  private masked = false;
  /** the index of every group of every slot, to return to after showOnly */
  private readonly fullIndex: Uint16Array | Uint32Array;

  constructor(options: SlotGeometryOptions) {
    const { slots, vertsPerSlot, template, groups } = options;
    if (groups.length === 0 || groups.length > 32) throw new RangeError(`${groups.length} index groups: 1 to 32`);
    this.groups = groups;
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
    const indices = groups.flat();
    this.indicesPerSlot = indices.length;
    // 16-bit indices when they fit: half the index data for the rasteriser to read
    const index = n <= 0x10000 ? new Uint16Array(slots * indices.length) : new Uint32Array(slots * indices.length);
    for (let s = 0; s < slots; s++) {
      for (let i = 0; i < indices.length; i++) {
        index[s * indices.length + i] = s * vertsPerSlot + (indices[i] as number);
      }
    }
    this.index = new THREE.BufferAttribute(index, 1);
    this.index.setUsage(THREE.DynamicDrawUsage); // rewritten every frame once showOnly is used
    this.geometry.setIndex(this.index);
    this.fullIndex = index.slice();
    // the shaders move every vertex: bounds from the data would be wrong, and the meshes are never culled anyway
    this.geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 200);
    this.setHigh(0);
  }

  /** Slots [0, n) are in use (unused ones among them are made invisible by their record); drawn until showOnly. */
  setHigh(n: number): void {
    this.high = n;
    if (!this.masked) this.geometry.setDrawRange(0, n * this.indicesPerSlot);
  }

  /**
   * Draws only the groups whose bits are set in mask[slot], for slots [0, slots): the index is rewritten with them
   * and what changed is marked for upload. Allocation-free.
   */
  showOnly(mask: Uint32Array, slots: number): void {
    this.masked = true;
    const array = this.index.array as Uint16Array | Uint32Array;
    const groups = this.groups;
    let n = 0;
    let firstChange = -1;
    for (let s = 0; s < slots; s++) {
      const bits = mask[s] as number;
      if (bits === 0) continue;
      const base = s * this.vertsPerSlot;
      for (let g = 0; g < groups.length; g++) {
        if ((bits & (1 << g)) === 0) continue;
        const group = groups[g] as readonly number[];
        for (let i = 0; i < group.length; i++) {
          const v = base + (group[i] as number);
          if (firstChange < 0 && array[n] !== v) firstChange = n;
          array[n++] = v;
        }
      }
    }
    if (firstChange >= 0 && firstChange < n) {
      // update ranges count array elements; an empty list would upload the whole buffer
      this.index.clearUpdateRanges();
      this.index.addUpdateRange(firstChange, n - firstChange);
      this.index.needsUpdate = true;
    }
    this.geometry.setDrawRange(0, n);
  }

  get highSlot(): number {
    return this.high;
  }

  /** Back to drawing every group of the slots in use. */
  showAll(): void {
    if (!this.masked) return;
    this.masked = false;
    (this.index.array as Uint16Array | Uint32Array).set(this.fullIndex);
    this.index.clearUpdateRanges();
    this.index.needsUpdate = true;
    this.setHigh(this.high);
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
