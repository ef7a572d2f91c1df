// The globe's arcs in three draw calls whatever their number: the rails of the busiest arcs, every arc's travelling
// dash (a short ribbon the vertex shader places along its arc) and every arc's end marker (a point sprite); see
// arc-shaders.ts for why the geometry is cut this way. Each arc owns a fixed slot of vertices in the dash and end
// meshes, and a rail slot while it is among the busiest: its frame (where the arc runs) is written when the arc
// appears or the site moves, its record (colour, width, last seen, dash phase and speed) when its data changes — a
// few hundred floats, uploaded as update ranges. Fading and the dash run in the shaders: animation costs no CPU.
import * as THREE from 'three';
import {
  dashVertexShader, endFragmentShader, endVertexShader, railVertexShader, ribbonFragmentShader,
} from './arc-shaders.js';
import { arcFrame, GLOBE_RADIUS, toCartesian, writeArcPoint } from './geo.js';
import { projectSamples, type PickCamera } from './picking.js';
import { SlotGeometry } from './slot-geometry.js';

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
  /** rails drawn at most (default RAIL_LIMIT); arcs asking for one beyond that get none */
  railCapacity?: number;
}

/** Segments of a dash: its length is DASH_LENGTH of the arc, so each is under 1/16 of the arc, finer than a rail's. */
export const DASH_SEGMENTS = 3;
export const RAIL_SEGMENTS = 16;
const DASH_LENGTH = 0.22; // of the arc
export const PICK_SAMPLES = 9;
const DEAD = [0, 0, 0, 0] as const;

/** A ribbon of `segments` quads: template (position along, side), counter-clockwise triangles. */
function ribbonGeometry(slots: number, segments: number, templateName: string): SlotGeometry {
  const indices: number[] = [];
  for (let i = 0; i < segments; i++) {
    const a = i * 2;
    // counter-clockwise on screen when side +1 lies left of the direction the template runs (arc-shaders.ts)
    indices.push(a, a + 2, a + 1, a + 2, a + 3, a + 1);
  }
  return new SlotGeometry({
    slots,
    vertsPerSlot: (segments + 1) * 2,
    template: { name: templateName, size: 2, at: (k) => [Math.floor(k / 2) / segments, k % 2 === 0 ? -1 : 1] },
    indices,
    records: { aArc: 4, aLook: 4, aTime: 4 },
  });
}

export class ArcLayer {
  readonly object = new THREE.Group();
  /** the three draws, by name (the bench page can leave one out to measure it) */
  readonly parts: { rails: THREE.Object3D; dashes: THREE.Object3D; ends: THREE.Object3D };
  readonly capacity: number;
  /** world positions of PICK_SAMPLES points per slot, for hover hit tests */
  readonly samples: Float32Array;
  private readonly epochMs = Date.now();
  private readonly uTime = { value: 0 };
  private readonly uResolution = { value: new THREE.Vector2(1, 1) };
  private readonly uPixelRatio = { value: 1 };
  private readonly uOrigin = { value: new THREE.Vector3(0, 0, 1) };
  private readonly uModelViewProjection = { value: new THREE.Matrix4() };
  private readonly uCamera = { value: new THREE.Vector3() };
  private readonly inverseWorld = new THREE.Matrix4();
  private readonly rails: SlotGeometry;
  private readonly dashes: SlotGeometry;
  private readonly ends: SlotGeometry;
  private readonly materials: THREE.ShaderMaterial[] = [];
  private readonly endPoints: (readonly [number, number] | undefined)[];
  /** per slot: the arc's frame as written to the meshes (u, angle) */
  private readonly frames: Float32Array;
  /** rail slot of each arc slot (-1: none), and arc slot of each rail slot (-1: free) */
  private readonly railOf: Int32Array;
  private readonly railOwner: Int32Array;
  private origin: readonly [number, number] = [0, 0];
  private readonly used: boolean[];
  private live = 0;
  private highSlot = 0;

  constructor(options: ArcLayerOptions) {
    this.capacity = options.capacity;
    const railCapacity = Math.min(options.railCapacity ?? RAIL_LIMIT, this.capacity);
    const uniforms = {
      uTime: this.uTime,
      uResolution: this.uResolution,
      uPixelRatio: this.uPixelRatio,
      uOrigin: this.uOrigin,
      uModelViewProjection: this.uModelViewProjection,
      uCamera: this.uCamera,
      uFadeStart: { value: options.fadeStartSec },
      uTtl: { value: options.ttlSec },
      uDashLength: { value: DASH_LENGTH },
    };
    const material = (vertexShader: string, fragmentShader: string) => {
      const m = new THREE.ShaderMaterial({
        // one-sided: transparent double-sided materials are drawn twice by three.js; our triangles all face the camera
        uniforms, vertexShader, fragmentShader, transparent: true, depthWrite: false,
      });
      this.materials.push(m);
      return m;
    };
    this.rails = ribbonGeometry(railCapacity, RAIL_SEGMENTS, 'aRail');
    this.dashes = ribbonGeometry(this.capacity, DASH_SEGMENTS, 'aDash');
    this.ends = new SlotGeometry({
      slots: this.capacity, vertsPerSlot: 1, records: { position: 3, aLook: 4, aTime: 4 },
    });
    // drawn in this order (same depth, so three.js keeps creation order): dashes over rails, ends over both
    this.parts = {
      rails: new THREE.Mesh(this.rails.geometry, material(railVertexShader, ribbonFragmentShader)),
      dashes: new THREE.Mesh(this.dashes.geometry, material(dashVertexShader, ribbonFragmentShader)),
      ends: new THREE.Points(this.ends.geometry, material(endVertexShader, endFragmentShader)),
    };
    const objects = [this.parts.rails, this.parts.dashes, this.parts.ends];
    // per draw (all three share the uniforms and the transform): time, sizes and the camera in the layer's coordinates
    const beforeRender = (renderer: THREE.WebGLRenderer, _scene: THREE.Scene, camera: THREE.Camera) => {
      this.uTime.value = (Date.now() - this.epochMs) / 1000;
      // widths are in CSS pixels: the canvas's CSS size, not its device-pixel drawing buffer
      renderer.getSize(this.uResolution.value);
      this.uPixelRatio.value = renderer.getPixelRatio();
      const world = this.object.matrixWorld;
      this.uModelViewProjection.value
        .multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse)
        .multiply(world);
      this.uCamera.value.setFromMatrixPosition(camera.matrixWorld).applyMatrix4(this.inverseWorld.copy(world).invert());
    };
    for (const o of objects) {
      o.frustumCulled = false; // the shaders move the vertices: three's bounds would be wrong
      o.raycast = () => {}; // hover is our own screen-space test (picking.ts), not globe.gl's raycaster
      o.onBeforeRender = beforeRender;
    }
    this.object.add(...objects);
    this.endPoints = new Array<readonly [number, number] | undefined>(this.capacity);
    this.used = new Array<boolean>(this.capacity).fill(false);
    this.frames = new Float32Array(this.capacity * 4);
    this.railOf = new Int32Array(this.capacity).fill(-1);
    this.railOwner = new Int32Array(railCapacity).fill(-1);
    this.samples = new Float32Array(this.capacity * PICK_SAMPLES * 3);
    this.setOriginVector();
  }

  /** Arcs currently held (alive or fading). */
  get count(): number {
    return this.live;
  }

  /** Arcs currently drawn with a rail. */
  get railCount(): number {
    return this.railOwner.reduce((n, owner) => n + (owner >= 0 ? 1 : 0), 0);
  }

  /** Where every arc starts; moving it reshapes every arc. */
  setOrigin(lat: number, lng: number): void {
    if (lat === this.origin[0] && lng === this.origin[1]) return;
    this.origin = [lat, lng];
    this.setOriginVector();
    for (let s = 0; s < this.highSlot; s++) if (this.used[s] === true) this.writeShape(s);
  }

  set(slot: number, arc: ArcVisual): void {
    this.checkSlot(slot);
    if (this.used[slot] !== true) {
      this.used[slot] = true;
      this.live++;
      if (slot >= this.highSlot) this.setHigh(slot + 1);
    }
    let rail = this.railOf[slot] as number;
    if (arc.rail && rail < 0) rail = this.takeRail(slot);
    else if (!arc.rail && rail >= 0) rail = this.releaseRail(slot);
    const end = this.endPoints[slot];
    if (end === undefined || end[0] !== arc.lat || end[1] !== arc.lng) {
      this.endPoints[slot] = [arc.lat, arc.lng];
      this.writeShape(slot);
    }
    const [r, g, b] = arc.color;
    const look = [r, g, b, arc.widthPx];
    const time = [(arc.lastSeenMs - this.epochMs) / 1000, arc.phase, arc.speed, 1];
    for (const [part, at] of [[this.dashes, slot], [this.ends, slot], [this.rails, rail]] as const) {
      if (at < 0) continue;
      part.write(at, 'aLook', look);
      part.write(at, 'aTime', time);
    }
  }

  clear(slot: number): void {
    this.checkSlot(slot);
    if (this.used[slot] !== true) return;
    this.used[slot] = false;
    this.live--;
    this.endPoints[slot] = undefined;
    this.releaseRail(slot);
    for (const part of [this.dashes, this.ends]) {
      part.write(slot, 'aLook', DEAD);
      part.write(slot, 'aTime', DEAD);
    }
    if (slot === this.highSlot - 1) {
      let high = this.highSlot;
      while (high > 0 && this.used[high - 1] !== true) high--;
      this.setHigh(high);
    }
  }

  /** Uploads what changed since the last flush. */
  flush(): void {
    this.rails.flush();
    this.dashes.flush();
    this.ends.flush();
  }

  /** The used slot whose arc passes nearest the pointer (within maxPx), hidden parts excluded. */
  pick(camera: PickCamera, x: number, y: number, width: number, height: number, maxPx = 8): number | undefined {
    return projectSamples(camera, this.samples, PICK_SAMPLES, this.highSlot, (s) => this.used[s] === true, x, y,
      width, height, maxPx);
  }

  dispose(): void {
    this.rails.dispose();
    this.dashes.dispose();
    this.ends.dispose();
    for (const m of this.materials) m.dispose();
  }

  private setOriginVector(): void {
    const [x, y, z] = toCartesian(this.origin[0], this.origin[1]);
    this.uOrigin.value.set(x / GLOBE_RADIUS, y / GLOBE_RADIUS, z / GLOBE_RADIUS);
  }

  private frame(slot: number): number[] {
    return Array.from(this.frames.subarray(slot * 4, slot * 4 + 4));
  }

  /** The slot's frame (dash and rail), end marker and pick samples. */
  private writeShape(slot: number): void {
    const end = this.endPoints[slot];
    if (end === undefined) return;
    const frame = arcFrame(this.origin[0], this.origin[1], end[0], end[1]);
    this.frames.set([...frame.u, frame.angle], slot * 4);
    const values = this.frame(slot);
    this.dashes.write(slot, 'aArc', values);
    const rail = this.railOf[slot] as number;
    if (rail >= 0) this.rails.write(rail, 'aArc', values);
    this.ends.write(slot, 'position', toCartesian(end[0], end[1], 0.003));
    for (let k = 0; k < PICK_SAMPLES; k++) {
      writeArcPoint(frame, k / (PICK_SAMPLES - 1), this.samples, (slot * PICK_SAMPLES + k) * 3);
    }
  }

  /** The lowest free rail slot for the arc in `slot` (keeps the rails' draw range short), or -1 when all are taken. */
  private takeRail(slot: number): number {
    const rail = this.railOwner.indexOf(-1);
    if (rail < 0) return -1;
    this.railOwner[rail] = slot;
    this.railOf[slot] = rail;
    if (rail >= this.rails.highSlot) this.rails.setHigh(rail + 1);
    this.rails.write(rail, 'aArc', this.frame(slot));
    return rail;
  }

  /** Frees the arc's rail, if it has one; returns -1 (no rail). */
  private releaseRail(slot: number): number {
    const rail = this.railOf[slot] as number;
    if (rail < 0) return -1;
    this.railOf[slot] = -1;
    this.railOwner[rail] = -1;
    this.rails.write(rail, 'aTime', DEAD);
    let high = this.rails.highSlot;
    while (high > 0 && (this.railOwner[high - 1] as number) < 0) high--;
    this.rails.setHigh(high);
    return -1;
  }

  private checkSlot(slot: number): void {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.capacity) {
      throw new RangeError(`arc slot ${slot} outside 0..${this.capacity - 1}`);
    }
  }

  /** Draw up to the highest used slot (free slots below it are collapsed by the shaders: alive = 0). */
  private setHigh(n: number): void {
    this.highSlot = n;
    this.dashes.setHigh(n);
    this.ends.setHigh(n);
  }
}
