// The globe's arcs in three draw calls whatever their number: the rails of the busiest arcs, every arc's travelling
// dash (a short ribbon the vertex shader places along its arc) and every arc's end marker (a point sprite); see
// arc-shaders.ts for why the geometry is cut this way. Each arc owns a fixed slot of vertices in the dash and end
// meshes, and a rail slot while it is among the busiest: its frame (where the arc runs) is written when the arc
// appears or the site moves, its record (colour, width, last seen, dash phase and speed) when its data changes — a
// few hundred floats, uploaded as update ranges. Fading and the dash run in the shaders. Once attached to the scene,
// each frame starts by leaving out of the draws what the globe hides or what has faded (arc-culling.ts): a pass over
// the arcs' records on the CPU and a rewritten index, instead of shading vertices that draw nothing.
import * as THREE from 'three';
import {
  dashVertexShader, endFragmentShader, endVertexShader, railVertexShader, ribbonFragmentShader,
} from './arc-shaders.js';
import { cullDashes, cullEnds, cullRails, FRAME_STRIDE, TIME_STRIDE, type CullView } from './arc-culling.js';
import { arcFrame, GLOBE_RADIUS, toCartesian, writeArcPoint } from './geo.js';
import { projectSamples, type PickCamera } from './picking.js';
import { RAIL_LIMIT, type ArcVisual } from './arc-visual.js';
import { RailSlots } from './rail-slots.js';
import { ribbonGeometry } from './ribbon-geometry.js';
import { SlotGeometry } from './slot-geometry.js';

export interface ArcLayerOptions {
  capacity: number;
  fadeStartSec: number;
  ttlSec: number;
  /** rails drawn at most (default RAIL_LIMIT); arcs asking for one beyond that get none */
  railCapacity?: number;
}

/**
 * Segments of a dash (ending in a point): each is half of DASH_LENGTH, 0.11 of the arc, which keeps the dash within
 * about 1.5 CSS pixels of its curve on a 90° arc; more segments cost SwiftShader per vertex (docs/benchmarks.md).
 */
export const DASH_SEGMENTS = 2;
export const RAIL_SEGMENTS = 16;
const DASH_LENGTH = 0.22; // of the arc
export const PICK_SAMPLES = 9;
const DEAD = [0, 0, 0, 0] as const;

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
  private readonly cameraScratch = new THREE.Vector3();
  /** the shaders' uniforms as the culling pass reads them; set at the start of each frame once attached */
  private readonly view: CullView & { camera: [number, number, number]; origin: [number, number, number] };
  private attached = false;
  /** per arc slot, as in the meshes: time record (arc-culling.ts TIME_STRIDE) */
  private readonly times: Float32Array;
  /** which arcs hold a rail, which rails are drawn and where they run */
  private readonly railSlots: RailSlots;
  private readonly dashMask: Uint32Array;
  private readonly endMask: Uint32Array;
  private readonly railMask: Uint32Array;
  private readonly rails: SlotGeometry;
  private readonly dashes: SlotGeometry;
  private readonly ends: SlotGeometry;
  private readonly materials: THREE.ShaderMaterial[] = [];
  private readonly endPoints: (readonly [number, number] | undefined)[];
  /** per slot: the arc's frame as written to the meshes (u, angle) */
  private readonly frames: Float32Array;
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
    this.dashes = ribbonGeometry(this.capacity, DASH_SEGMENTS, 'aDash', true);
    this.ends = new SlotGeometry({
      slots: this.capacity, vertsPerSlot: 1, groups: [[0]], records: { position: 3, aLook: 4, aTime: 4 },
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
      // attached: the frame's time was set before culling, and the shaders must see the same
      if (!this.attached) this.uTime.value = this.now();
      // widths are in CSS pixels: the canvas's CSS size, not its device-pixel drawing buffer
      renderer.getSize(this.uResolution.value);
      this.uPixelRatio.value = renderer.getPixelRatio();
      const world = this.object.matrixWorld;
      this.uModelViewProjection.value
        .multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse)
        .multiply(world);
      this.cameraInLayer(camera, this.uCamera.value);
    };
    for (const o of objects) {
      o.frustumCulled = false; // the shaders move the vertices: three's bounds would be wrong
      o.raycast = () => {}; // hover is our own screen-space test (picking.ts), not globe.gl's raycaster
      o.onBeforeRender = beforeRender;
    }
    this.object.add(...objects);
    this.endPoints = new Array<readonly [number, number] | undefined>(this.capacity);
    this.used = new Array<boolean>(this.capacity).fill(false);
    this.frames = new Float32Array(this.capacity * FRAME_STRIDE);
    this.times = new Float32Array(this.capacity * TIME_STRIDE);
    this.railSlots = new RailSlots(this.capacity, railCapacity, RAIL_SEGMENTS);
    this.dashMask = new Uint32Array(this.capacity);
    this.endMask = new Uint32Array(this.capacity);
    this.railMask = new Uint32Array(railCapacity);
    this.view = {
      camera: [0, 0, 0], origin: [0, 0, 1], timeSec: 0, fadeStartSec: options.fadeStartSec, ttlSec: options.ttlSec,
      dashLength: DASH_LENGTH,
    };
    this.samples = new Float32Array(this.capacity * PICK_SAMPLES * 3);
    this.setOriginVector();
  }

  /** Arcs currently held (alive or fading). */
  get count(): number {
    return this.live;
  }

  /** Arcs currently drawn with a rail. */
  get railCount(): number {
    return this.railSlots.count;
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
    let rail = this.railSlots.of(slot);
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
    this.times.set(time, slot * TIME_STRIDE);
    this.railSlots.setWidth(slot, arc.widthPx);
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
    this.times.fill(0, slot * TIME_STRIDE, (slot + 1) * TIME_STRIDE);
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

  /**
   * From now on every frame of `scene` starts by leaving out of the arc layer's draws what cannot be seen: the
   * scene's onBeforeRender runs after the camera has moved and before three.js uploads the geometry. Returns the
   * undo (everything drawn again).
   */
  attach(scene: THREE.Scene): () => void {
    const previous = scene.onBeforeRender;
    scene.onBeforeRender = (renderer, s, camera, geometry, material, group) => {
      previous.call(scene, renderer, s, camera, geometry, material, group);
      this.prepare(camera);
    };
    this.attached = true;
    return () => {
      scene.onBeforeRender = previous;
      this.attached = false;
      for (const part of [this.rails, this.dashes, this.ends]) part.showAll();
    };
  }

  /**
   * Draws only the busiest `share` (0…1) of the rails, ranked by their dashes' widths (bytes): the frame governor's
   * last resort on slow machines (quality.ts). Takes effect through the culling pass (attach).
   */
  setRailShare(share: number): void {
    this.railSlots.setShare(share);
  }

  /** The frame's time for the shaders, and the index of each draw cut down to what may have pixels. */
  prepare(camera: THREE.Camera): void {
    const view = this.view;
    view.timeSec = this.uTime.value = this.now();
    this.cameraInLayer(camera, this.cameraScratch);
    view.camera[0] = this.cameraScratch.x;
    view.camera[1] = this.cameraScratch.y;
    view.camera[2] = this.cameraScratch.z;
    const o = this.uOrigin.value;
    view.origin[0] = o.x;
    view.origin[1] = o.y;
    view.origin[2] = o.z;
    const high = this.highSlot;
    cullDashes(view, high, this.frames, this.times, DASH_SEGMENTS, this.dashMask);
    this.dashes.showOnly(this.dashMask, high);
    cullEnds(view, high, this.endPositions, this.times, this.endMask);
    this.ends.showOnly(this.endMask, high);
    const rails = this.rails.highSlot;
    cullRails(view, rails, this.railSlots.points, this.railSlots.owner, this.times, RAIL_SEGMENTS, this.railMask);
    this.railSlots.applyBudget(this.railMask, rails);
    this.rails.showOnly(this.railMask, rails);
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

  private now(): number {
    return (Date.now() - this.epochMs) / 1000;
  }

  /** The camera's position in the layer's own coordinates (the globe's centre is the origin). */
  private cameraInLayer(camera: THREE.Camera, out: THREE.Vector3): void {
    this.inverseWorld.copy(this.object.matrixWorld).invert();
    out.setFromMatrixPosition(camera.matrixWorld).applyMatrix4(this.inverseWorld);
  }

  private get endPositions(): Float32Array {
    return this.ends.geometry.getAttribute('position').array as Float32Array;
  }

  private setOriginVector(): void {
    const [x, y, z] = toCartesian(this.origin[0], this.origin[1]);
    this.uOrigin.value.set(x / GLOBE_RADIUS, y / GLOBE_RADIUS, z / GLOBE_RADIUS);
  }

  private frame(slot: number): number[] {
    return Array.from(this.frames.subarray(slot * FRAME_STRIDE, (slot + 1) * FRAME_STRIDE));
  }

  /** The slot's frame (dash and rail), end marker and pick samples. */
  private writeShape(slot: number): void {
    const end = this.endPoints[slot];
    if (end === undefined) return;
    const frame = arcFrame(this.origin[0], this.origin[1], end[0], end[1]);
    this.frames.set([...frame.u, frame.angle], slot * FRAME_STRIDE);
    const values = this.frame(slot);
    this.dashes.write(slot, 'aArc', values);
    const rail = this.railSlots.of(slot);
    if (rail >= 0) this.writeRailShape(rail, slot);
    this.ends.write(slot, 'position', toCartesian(end[0], end[1], 0.003));
    for (let k = 0; k < PICK_SAMPLES; k++) {
      writeArcPoint(frame, k / (PICK_SAMPLES - 1), this.samples, (slot * PICK_SAMPLES + k) * 3);
    }
  }

  /** The lowest free rail slot for the arc in `slot`, or -1 when all are taken. */
  private takeRail(slot: number): number {
    const rail = this.railSlots.take(slot);
    if (rail < 0) return -1;
    if (rail >= this.rails.highSlot) this.rails.setHigh(rail + 1);
    this.writeRailShape(rail, slot);
    return rail;
  }

  /** The rail's frame (the arc's) and its points for the culling pass: where its vertices are drawn. */
  private writeRailShape(rail: number, slot: number): void {
    this.rails.write(rail, 'aArc', this.frame(slot));
    const f = slot * FRAME_STRIDE;
    const o = this.uOrigin.value;
    const frames = this.frames;
    this.railSlots.place(rail, o.x, o.y, o.z, frames[f] as number, frames[f + 1] as number, frames[f + 2] as number,
      frames[f + 3] as number);
  }

  /** Frees the arc's rail, if it has one; returns -1 (no rail). */
  private releaseRail(slot: number): number {
    const rail = this.railSlots.release(slot);
    if (rail < 0) return -1;
    this.rails.write(rail, 'aTime', DEAD);
    this.rails.setHigh(this.railSlots.high);
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
