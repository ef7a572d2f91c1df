// The 3D globe (react-globe.gl): the procedural earth, our arc layer and atmosphere as custom three.js objects, alert
// points and rings; our own hover and click handling for arcs (screen-space picking), globe.gl's for points.
import { useEffect, useMemo, useRef, useState, type PointerEvent, type RefObject } from 'react';
import Globe, { type GlobeMethods, type GlobeProps } from 'react-globe.gl';
import * as THREE from 'three';
import { type ArcLayer } from './arc-layer.js';
import { type AlertPoint } from './alert-points.js';
import { createAtmosphere } from './atmosphere.js';
import { createEarthMaterial, type EarthMaterialKind } from './earth-texture.js';
import { detectRenderer, FrameGovernor, planQuality, qualityLevels, type QualityLevel } from './quality.js';

/** Rendering choices that cost frame time in software WebGL (measured by ui/bench/globe-frame-time.mjs). */
export interface GlobeQuality {
  antialias: boolean;
  atmosphere: boolean;
  material: EarthMaterialKind;
  /** canvas pixels per CSS pixel to start with */
  pixelRatio: number;
  /** the share of the arcs' rails drawn, to start with (the governor's last resort) */
  railShare: number;
  /** lower the pixel ratio, then the share of rails, while frames are slow (FrameGovernor) */
  adaptive: boolean;
  minPixelRatio: number;
  /** degrees per facet of the globe's sphere */
  curvature: number;
}

/** What this machine gets by default (quality.ts): full quality with a GPU, cheaper without. */
export function autoQuality(): GlobeQuality {
  const plan = planQuality(detectRenderer(), window.devicePixelRatio);
  return {
    antialias: plan.antialias, atmosphere: true, material: 'vertex', pixelRatio: plan.pixelRatio, railShare: 1,
    adaptive: true,
    minPixelRatio: plan.minPixelRatio, curvature: plan.globeCurvature,
  };
}

export interface GlobeViewProps {
  quality?: GlobeQuality;
  layer: ArcLayer;
  origin: { lat: number; lng: number };
  points: AlertPoint[];
  rings: AlertPoint[];
  autoRotate?: boolean;
  onReady?: () => void;
  /** slot under the pointer (undefined: none) and the pointer's position in the globe's box */
  onHoverArc?: (slot: number | undefined, x: number, y: number) => void;
  onClickArc?: (slot: number) => void;
  onHoverPoint?: (point: AlertPoint | undefined, x: number, y: number) => void;
  onClickPoint?: (point: AlertPoint) => void;
  /** the quality level in use (pixel ratio, share of rails), whenever it changes */
  onQuality?: (level: QualityLevel) => void;
  /** leave what the globe hides out of the arcs' draws (ArcLayer.attach); default on, off only to measure it */
  culling?: boolean;
  /** more of react-globe.gl's own props (the bench draws its peer, globe.gl's arcs layer, with them) */
  globeProps?: Partial<GlobeProps>;
}

const ATMOSPHERE = { color: '#3b82f6', altitude: 0.16 };
const WITH_ATMOSPHERE = [{ id: 'arcs' }, { id: 'atmosphere' }];
const WITHOUT_ATMOSPHERE = [{ id: 'arcs' }];
const IDLE_BEFORE_ROTATE_MS = 60_000;

const pointAltitude = (p: object): number => 0.01 + 0.01 * Math.min(10, (p as AlertPoint).count);
const pointRadius = (p: object): number => ((p as AlertPoint).severity === 'critical' ? 0.9 : 0.7);
const pointColor = (p: object): string => (p as AlertPoint).color;
const ringColor = (p: object) => {
  const c = new THREE.Color((p as AlertPoint).color);
  return (t: number) => `rgba(${Math.round(c.r * 255)}, ${Math.round(c.g * 255)}, ${Math.round(c.b * 255)}, ${1 - t})`;
};

function useSize(ref: RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry === undefined) return;
      const { width, height } = entry.contentRect;
      setSize({ width: Math.round(width), height: Math.round(height) });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function GlobeView(props: GlobeViewProps) {
  const { layer, origin, points, rings, autoRotate = true, culling = true } = props;
  const [quality] = useState<GlobeQuality>(() => props.quality ?? autoQuality());
  const box = useRef<HTMLDivElement>(null);
  const globe = useRef<GlobeMethods | undefined>(undefined);
  const size = useSize(box);
  const earth = useMemo(() => createEarthMaterial(quality.material), [quality.material]);
  // the renderer is created once: its options must not change identity between renders
  const renderer = useMemo(
    () => ({ antialias: quality.antialias, alpha: false, powerPreference: 'high-performance' as const }),
    [quality.antialias],
  );
  const callbacks = useRef(props);
  callbacks.current = props;
  const hoverPoint = useRef<AlertPoint | undefined>(undefined);
  const pointer = useRef({
    x: 0, y: 0, downX: 0, downY: 0, pending: false, hoverSlot: undefined as number | undefined,
  });
  // our own atmosphere (atmosphere.ts), not three-globe's: the same glow at a fraction of the cost in software WebGL
  const atmosphere = useMemo(
    () => (quality.atmosphere ? createAtmosphere(ATMOSPHERE.color, ATMOSPHERE.altitude) : undefined),
    [quality.atmosphere],
  );
  const customObject = useMemo(
    () => (d: object): THREE.Object3D => ((d as { id: string }).id === 'atmosphere' && atmosphere !== undefined
      ? atmosphere
      : layer.object),
    [layer, atmosphere],
  );

  useEffect(() => () => {
    earth.texture.dispose();
    earth.material.dispose();
  }, [earth]);
  useEffect(() => () => {
    atmosphere?.geometry.dispose();
    (atmosphere?.material as THREE.Material | undefined)?.dispose();
  }, [atmosphere]);

  // Face the site once the globe exists, and when the origin moves; from a little south, so arcs are seen rising.
  useEffect(() => {
    globe.current?.pointOfView({ lat: Math.max(-80, origin.lat - 18), lng: origin.lng, altitude: 2.3 }, 800);
  }, [origin.lat, origin.lng, size.width > 0]);

  // Each frame starts by cutting the arcs' draws down to what can be seen.
  useEffect(() => {
    const g = globe.current;
    if (g === undefined || size.width === 0 || !culling) return;
    return layer.attach(g.scene());
  }, [layer, culling, size.width > 0]);

  // The pixel ratio and the share of rails: the plan's, then the governor's while frames are too slow.
  useEffect(() => {
    const g = globe.current;
    if (g === undefined || size.width === 0) return;
    const renderer = g.renderer();
    const apply = (level: QualityLevel) => {
      renderer.setPixelRatio(level.pixelRatio);
      layer.setRailShare(level.railShare);
      callbacks.current.onQuality?.(level);
    };
    apply({ pixelRatio: quality.pixelRatio, railShare: quality.railShare });
    if (!quality.adaptive) return;
    const governor = new FrameGovernor(qualityLevels(quality));
    let frame = 0;
    let last = 0;
    const onFrame = (t: number) => {
      if (last > 0 && document.visibilityState === 'visible') {
        const next = governor.frame(t - last, t);
        if (next !== undefined) apply(next);
      }
      last = t;
      frame = requestAnimationFrame(onFrame);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [quality, layer, size.width > 0]);

  // Slow rotation until someone drags the globe; it resumes after a minute alone.
  useEffect(() => {
    const g = globe.current;
    if (g === undefined || size.width === 0) return;
    const controls = g.controls();
    controls.autoRotate = autoRotate;
    controls.autoRotateSpeed = 0.35;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = () => {
      controls.autoRotate = false;
      clearTimeout(timer);
    };
    const end = () => {
      timer = setTimeout(() => (controls.autoRotate = autoRotate), IDLE_BEFORE_ROTATE_MS);
    };
    controls.addEventListener('start', start);
    controls.addEventListener('end', end);
    return () => {
      clearTimeout(timer);
      controls.removeEventListener('start', start);
      controls.removeEventListener('end', end);
    };
  }, [autoRotate, size.width > 0]);

  // Arc hover: at most one pick per animation frame, however fast the pointer moves.
  const pickAt = () => {
    const p = pointer.current;
    p.pending = false;
    const g = globe.current;
    const el = box.current;
    if (g === undefined || el === null) return;
    let slot: number | undefined;
    if (hoverPoint.current === undefined) {
      const camera = g.camera();
      camera.updateMatrixWorld();
      const vp = new THREE.Matrix4().multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
      slot = layer.pick({ position: camera.position, viewProjection: vp.elements }, p.x, p.y, el.clientWidth,
        el.clientHeight);
    }
    p.hoverSlot = slot;
    callbacks.current.onHoverArc?.(slot, p.x, p.y);
  };

  const onPointerMove = (ev: PointerEvent<HTMLDivElement>) => {
    const rect = ev.currentTarget.getBoundingClientRect();
    const p = pointer.current;
    p.x = ev.clientX - rect.left;
    p.y = ev.clientY - rect.top;
    if (hoverPoint.current !== undefined) callbacks.current.onHoverPoint?.(hoverPoint.current, p.x, p.y);
    if (!p.pending) {
      p.pending = true;
      requestAnimationFrame(pickAt);
    }
  };

  const onPointerDown = (ev: PointerEvent<HTMLDivElement>) => {
    pointer.current.downX = ev.clientX;
    pointer.current.downY = ev.clientY;
  };

  const onPointerUp = (ev: PointerEvent<HTMLDivElement>) => {
    const p = pointer.current;
    const moved = Math.hypot(ev.clientX - p.downX, ev.clientY - p.downY);
    // a drag rotates the globe; only a click without movement selects
    if (ev.button === 0 && moved < 5 && hoverPoint.current === undefined && p.hoverSlot !== undefined) {
      callbacks.current.onClickArc?.(p.hoverSlot);
    }
  };

  const onPointerLeave = () => {
    pointer.current.hoverSlot = undefined;
    callbacks.current.onHoverArc?.(undefined, 0, 0);
  };

  return (
    <div
      ref={box}
      className="globe-canvas"
      onPointerMove={onPointerMove}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerLeave={onPointerLeave}
    >
      {size.width > 0 && (
        <Globe
          ref={globe}
          width={size.width}
          height={size.height}
          rendererConfig={renderer}
          backgroundColor="#03060c"
          globeMaterial={earth.material}
          globeCurvatureResolution={quality.curvature}
          showAtmosphere={false}
          customLayerData={atmosphere === undefined ? WITHOUT_ATMOSPHERE : WITH_ATMOSPHERE}
          customThreeObject={customObject}
          pointsData={points}
          pointLat="lat"
          pointLng="lng"
          pointColor={pointColor}
          pointAltitude={pointAltitude}
          pointRadius={pointRadius}
          pointsTransitionDuration={0}
          onPointHover={(p) => {
            hoverPoint.current = (p ?? undefined) as AlertPoint | undefined;
            callbacks.current.onHoverPoint?.(hoverPoint.current, pointer.current.x, pointer.current.y);
          }}
          onPointClick={(p) => callbacks.current.onClickPoint?.(p as AlertPoint)}
          ringsData={rings}
          ringLat="lat"
          ringLng="lng"
          ringColor={ringColor}
          ringMaxRadius={4}
          ringPropagationSpeed={2}
          ringRepeatPeriod={1400}
          onGlobeReady={() => void earth.loaded.then(() => callbacks.current.onReady?.())}
          {...props.globeProps}
        />
      )}
    </div>
  );
}
