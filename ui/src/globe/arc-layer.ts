// The globe's arcs in two draw calls whatever their number: one mesh of screen-space ribbons (one per arc, drawn
// where its dash is and, for the busiest arcs, as a faint rail; see arc-shaders.ts) and one of end markers. Each arc owns a fixed slot of vertices: its shape is written when the arc appears (or the site
// moves), its record (colour, width, last seen, dash phase and speed) when its data changes — a few hundred floats,
// uploaded as update ranges. Fading and the dash run in the shaders, so animation costs no CPU at all.
import * as THREE from 'three';
import { endFragmentShader, endVertexShader, ribbonFragmentShader, ribbonVertexShader } from './arc-shaders.js';
import { toCartesian, writeArcPoints } from './geo.js';
import { projectSamples, type PickCamera } from './picking.js';

export interface ArcVisual {
  lat: number;
  lng: number;
  /** sRGB 0..1 */
  color: [number, number, number];
  widthPx: number;
  lastSeenMs: number;
  /** 0..1, where the dash is at time 0 */
  phase: number;
  /** arc lengths per second; negative runs from the remote end towards the site */
  speed: number;
  /** also draw a faint line along the whole arc (for the busiest arcs: RAIL_LIMIT) */
  rail: boolean;
}

/** How many arcs keep a rail: the busiest, chosen by the owner of the layer. Thousands of rails are unreadable. */
export const RAIL_LIMIT = 400;

export interface ArcLayerOptions {
  capacity: number;
  fadeStartSec: number;
  ttlSec: number;
}

const SEGMENTS = 16; // per arc: enough for a smooth curve at globe scale, cheap for software rendering
const RIBBON_VERTS = (SEGMENTS + 1) * 2;
const END_VERTS = 4;
const DASH_LENGTH = 0.22; // of the arc
export const PICK_SAMPLES = 9;

interface Part {
  geometry: THREE.BufferGeometry;
  vertsPerSlot: number;
  indicesPerSlot: number;
  dynamic: THREE.BufferAttribute[];
}

export class ArcLayer {
  readonly object = new THREE.Group();
  readonly capacity: number;
  private readonly epochMs = Date.now();
  private readonly uTime = { value: 0 };
  private readonly uResolution = { value: new THREE.Vector2(1, 1) };
  private readonly ribbon: Part;
  private readonly ends: Part;
  private readonly materials: THREE.ShaderMaterial[] = [];
  private readonly endPoints: (readonly [number, number] | undefined)[];
  private readonly curve = new Float32Array((SEGMENTS + 1) * 3);
  /** world positions of PICK_SAMPLES points per slot, for hover hit tests */
  readonly samples: Float32Array;
  private origin: readonly [number, number] = [0, 0];
  private readonly used: boolean[];
  private live = 0;
  private highSlot = 0;
  private readonly dirty = new Set<number>();

  constructor(options: ArcLayerOptions) {
    this.capacity = options.capacity;
    const uniforms = {
      uTime: this.uTime,
      uResolution: this.uResolution,
      uFadeStart: { value: options.fadeStartSec },
      uTtl: { value: options.ttlSec },
      uDashLength: { value: DASH_LENGTH },
      uSegment: { value: 1 / SEGMENTS },
    };
    const material = (vertexShader: string, fragmentShader: string) => {
      const m = new THREE.ShaderMaterial({
        // one-sided: transparent double-sided materials are drawn twice by three.js; our triangles all face the camera
        uniforms, vertexShader, fragmentShader, transparent: true, depthWrite: false,
      });
      this.materials.push(m);
      return m;
    };
    this.ribbon = this.part(RIBBON_VERTS, SEGMENTS * 6, true, 'aRel', (k) => [Math.floor(k / 2) / SEGMENTS, k % 2 === 0 ? -1 : 1],
      (base) => {
        const out: number[] = [];
        for (let i = 0; i < SEGMENTS; i++) {
          const a = base + i * 2;
          // counter-clockwise on screen: side −1 lies right of the direction of travel, +1 left (arc-shaders.ts)
          out.push(a, a + 2, a + 1, a + 2, a + 3, a + 1);
        }
        return out;
      });
    this.ends = this.part(END_VERTS, 6, false, 'aCorner', (k) => [k % 2 === 0 ? -1 : 1, k < 2 ? -1 : 1],
      (base) => [base, base + 1, base + 2, base + 2, base + 1, base + 3]); // corners (−1,−1) (1,−1) (−1,1) (1,1): CCW
    const ribbons = new THREE.Mesh(this.ribbon.geometry, material(ribbonVertexShader, ribbonFragmentShader));
    const ends = new THREE.Mesh(this.ends.geometry, material(endVertexShader, endFragmentShader));
    for (const mesh of [ribbons, ends]) {
      mesh.frustumCulled = false; // the shaders move the vertices: three's bounds would be wrong
      mesh.raycast = () => {}; // hover is our own screen-space test (picking.ts), not globe.gl's raycaster
    }
    const beforeRender = (renderer: THREE.WebGLRenderer) => {
      this.uTime.value = (Date.now() - this.epochMs) / 1000;
      // widths are in CSS pixels: the canvas's CSS size, not its device-pixel drawing buffer
      renderer.getSize(this.uResolution.value);
    };
    ribbons.onBeforeRender = beforeRender;
    ends.onBeforeRender = beforeRender;
    this.object.add(ribbons, ends);
    this.endPoints = new Array<readonly [number, number] | undefined>(this.capacity);
    this.used = new Array<boolean>(this.capacity).fill(false);
    this.samples = new Float32Array(this.capacity * PICK_SAMPLES * 3);
    this.updateDrawRange();
  }

  /** Arcs currently held (alive or fading). */
  get count(): number {
    return this.live;
  }

  /** Where every arc starts; moving it reshapes every arc. */
  setOrigin(lat: number, lng: number): void {
    if (lat === this.origin[0] && lng === this.origin[1]) return;
    this.origin = [lat, lng];
    for (let s = 0; s < this.highSlot; s++) if (this.used[s] === true) this.writeShape(s);
  }

  set(slot: number, arc: ArcVisual): void {
    this.checkSlot(slot);
    if (this.used[slot] !== true) {
      this.used[slot] = true;
      this.live++;
      if (slot >= this.highSlot) {
        this.highSlot = slot + 1;
        this.updateDrawRange();
      }
    }
    const end = this.endPoints[slot];
    if (end === undefined || end[0] !== arc.lat || end[1] !== arc.lng) {
      this.endPoints[slot] = [arc.lat, arc.lng];
      this.writeShape(slot);
    }
    const [r, g, b] = arc.color;
    const state = arc.rail ? 2 : 1;
    const seen = (arc.lastSeenMs - this.epochMs) / 1000;
    this.writeRecord(slot, [r, g, b, arc.widthPx], [seen, arc.phase, arc.speed, state]);
  }

  clear(slot: number): void {
    this.checkSlot(slot);
    if (this.used[slot] !== true) return;
    this.used[slot] = false;
    this.live--;
    this.endPoints[slot] = undefined;
    this.writeRecord(slot, [0, 0, 0, 0], [0, 0, 0, 0]);
    if (slot === this.highSlot - 1) {
      while (this.highSlot > 0 && this.used[this.highSlot - 1] !== true) this.highSlot--;
      this.updateDrawRange();
    }
  }

  /** Uploads what changed since the last flush: ranges per changed slot, or everything when most changed. */
  flush(): void {
    if (this.dirty.size === 0) return;
    const all = this.dirty.size > this.capacity / 8;
    const slots = [...this.dirty].sort((a, b) => a - b);
    for (const part of [this.ribbon, this.ends]) {
      for (const attr of part.dynamic) {
        attr.clearUpdateRanges();
        if (!all) {
          // contiguous runs of slots become one range each
          for (let i = 0; i < slots.length;) {
            let j = i;
            while (j + 1 < slots.length && (slots[j + 1] as number) === (slots[j] as number) + 1) j++;
            const per = part.vertsPerSlot * attr.itemSize;
            attr.addUpdateRange((slots[i] as number) * per, (j - i + 1) * per);
            i = j + 1;
          }
        }
        attr.needsUpdate = true;
      }
    }
    this.dirty.clear();
  }

  /** The used slot whose arc passes nearest the pointer (within maxPx), hidden parts excluded. */
  pick(camera: PickCamera, x: number, y: number, width: number, height: number, maxPx = 8): number | undefined {
    return projectSamples(camera, this.samples, PICK_SAMPLES, this.highSlot, (s) => this.used[s] === true, x, y,
      width, height, maxPx);
  }

  dispose(): void {
    this.ribbon.geometry.dispose();
    this.ends.geometry.dispose();
    for (const m of this.materials) m.dispose();
  }

  /** A mesh part: per-slot vertices with a static template attribute, dynamic position/(tangent)/look/time. */
  private part(
    vertsPerSlot: number, indicesPerSlot: number, withTangent: boolean, templateName: string,
    template: (k: number) => [number, number], indices: (base: number) => number[],
  ): Part {
    const n = this.capacity * vertsPerSlot;
    const dynamic = (size: number) => new THREE.BufferAttribute(new Float32Array(n * size), size);
    const position = dynamic(3);
    const look = dynamic(4);
    const time = dynamic(4);
    const tmpl = new Float32Array(n * 2);
    const index = new Uint32Array(this.capacity * indicesPerSlot);
    for (let s = 0; s < this.capacity; s++) {
      for (let k = 0; k < vertsPerSlot; k++) tmpl.set(template(k), (s * vertsPerSlot + k) * 2);
      index.set(indices(s * vertsPerSlot), s * indicesPerSlot);
    }
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', position);
    geometry.setAttribute(templateName, new THREE.BufferAttribute(tmpl, 2));
    geometry.setAttribute('aLook', look);
    geometry.setAttribute('aTime', time);
    geometry.setIndex(new THREE.BufferAttribute(index, 1));
    geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), 200);
    const parts = [position, look, time];
    if (withTangent) {
      const tangent = dynamic(3);
      geometry.setAttribute('aTangent', tangent);
      parts.push(tangent);
    }
    return { geometry, vertsPerSlot, indicesPerSlot, dynamic: parts };
  }

  private writeRecord(slot: number, look: number[], time: number[]): void {
    for (const part of [this.ribbon, this.ends]) {
      const lookArr = part.geometry.getAttribute('aLook').array as Float32Array;
      const timeArr = part.geometry.getAttribute('aTime').array as Float32Array;
      for (let k = 0; k < part.vertsPerSlot; k++) {
        const v = slot * part.vertsPerSlot + k;
        lookArr.set(look, v * 4);
        timeArr.set(time, v * 4);
      }
    }
    this.dirty.add(slot);
  }

  /** The slot's curve (positions and tangents, both ribbon sides), end marker and pick samples. */
  private writeShape(slot: number): void {
    const end = this.endPoints[slot];
    if (end === undefined) return;
    const c = this.curve;
    writeArcPoints(this.origin[0], this.origin[1], end[0], end[1], SEGMENTS, c, 0);
    const pos = this.ribbon.geometry.getAttribute('position').array as Float32Array;
    const tan = this.ribbon.geometry.getAttribute('aTangent').array as Float32Array;
    let o = slot * RIBBON_VERTS * 3;
    for (let i = 0; i <= SEGMENTS; i++) {
      const prev = Math.max(0, i - 1) * 3;
      const next = Math.min(SEGMENTS, i + 1) * 3;
      for (let side = 0; side < 2; side++) {
        for (let a = 0; a < 3; a++) {
          pos[o + a] = c[i * 3 + a] as number;
          tan[o + a] = (c[next + a] as number) - (c[prev + a] as number);
        }
        o += 3;
      }
    }
    const [x, y, z] = toCartesian(end[0], end[1], 0.003);
    const endPos = this.ends.geometry.getAttribute('position').array as Float32Array;
    for (let k = 0; k < END_VERTS; k++) endPos.set([x, y, z], (slot * END_VERTS + k) * 3);
    const step = SEGMENTS / (PICK_SAMPLES - 1);
    for (let k = 0; k < PICK_SAMPLES; k++) {
      const p = Math.round(k * step) * 3;
      this.samples.set([c[p] as number, c[p + 1] as number, c[p + 2] as number], (slot * PICK_SAMPLES + k) * 3);
    }
    this.dirty.add(slot);
  }

  private checkSlot(slot: number): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.capacity) {
      throw new RangeError(`arc slot ${slot} outside 0..${this.capacity - 1}`);
    }
  }

  /** Draw up to the highest used slot (free slots below it are collapsed by the shaders: alive = 0). */
  private updateDrawRange(): void {
    this.ribbon.geometry.setDrawRange(0, this.highSlot * this.ribbon.indicesPerSlot);
    this.ends.geometry.setDrawRange(0, this.highSlot * this.ends.indicesPerSlot);
  }
}
