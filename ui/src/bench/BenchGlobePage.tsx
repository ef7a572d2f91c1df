// "/bench/globe?arcs=N[&seconds=S&warmup=W&quality=full]" — the globe with N deterministic synthetic arcs and no api
// at all; records frame intervals with requestAnimationFrame for S seconds (default 5) after W seconds of warm-up
// (default 1) and exposes window.__netwatchBench = { done, frames, meanMs, p95Ms, arcs, pixelRatio, railShare,
// antialias }
// (read by ui/bench/globe-frame-time.mjs).
import { useEffect, useMemo, useRef, useState } from 'react';
import { ArcLayer } from '../globe/arc-layer.js';
import { autoQuality, GlobeView, type GlobeQuality } from '../globe/GlobeView.js';
import { installTestHook } from '../globe/test-hook.js';
import { type QualityLevel } from '../globe/quality.js';
import { frameStats, type FrameStats } from './frame-stats.js';
import { globeGlArcs } from './globe-gl-arcs.js';
import { syntheticArcs } from './synthetic.js';

declare global {
  interface Window {
    __netwatchBench?: FrameStats & {
      done: boolean; arcs: number; pixelRatio: number; railShare: number; antialias: boolean;
    };
  }
}

const ORIGIN = { lat: 50.11, lng: 8.68 };
const SEED = 20_240_601;

interface BenchParams {
  arcs: number;
  seconds: number;
  warmupMs: number;
  quality: GlobeQuality;
  rotate: boolean;
  culling: boolean;
  peer: boolean;
}

function readParams(): BenchParams {
  const p = new URLSearchParams(window.location.search);
  // The machine's automatic quality (as the live globe) unless overridden, to measure what each choice costs:
  // quality=full (antialiasing, pixel ratio 1, 4° facets, no governor), aa=0|1, atmo=0|1, mat=vertex|phong|lambert|basic,
  // dpr=0.5 (fixed pixel ratio, no governor), rails=0.25 (share of rails drawn, with dpr), curv=4 (degrees per facet of the sphere); rotate=0 holds the camera
  // still (for comparing screenshots); cull=0 draws every arc, hidden or not (to measure what culling saves);
  // peer=globegl draws the arcs with globe.gl's own arcs layer instead of ours (the bench's named peer)
  const auto = autoQuality();
  const full = p.get('quality') === 'full';
  const mat = p.get('mat');
  const quality: GlobeQuality = {
    ...auto,
    antialias: p.has('aa') ? p.get('aa') === '1' : full || auto.antialias,
    atmosphere: p.has('atmo') ? p.get('atmo') === '1' : auto.atmosphere,
    material: mat === 'vertex' || mat === 'phong' || mat === 'lambert' || mat === 'basic' ? mat : auto.material,
    adaptive: !full && !p.has('dpr'),
  };
  const dpr = Number(p.get('dpr'));
  if (p.has('dpr') && dpr >= 0.25 && dpr <= 2) quality.pixelRatio = dpr;
  const rails = Number(p.get('rails'));
  if (p.has('rails') && rails >= 0 && rails <= 1) quality.railShare = rails;
  if (full) {
    quality.pixelRatio = 1;
    quality.curvature = 4;
  }
  const curv = Number(p.get('curv'));
  if (p.has('curv') && curv >= 1 && curv <= 30) quality.curvature = curv;
  const warmup = Number(p.get('warmup') ?? 1);
  const arcs = Math.round(Number(p.get('arcs') ?? 5000));
  const seconds = Number(p.get('seconds') ?? 5);
  return {
    arcs: Number.isFinite(arcs) ? Math.min(Math.max(arcs, 0), 50_000) : 5000,
    seconds: Number.isFinite(seconds) ? Math.min(Math.max(seconds, 1), 60) : 5,
    warmupMs: Number.isFinite(warmup) ? Math.min(Math.max(warmup, 0), 30) * 1000 : 1000,
    quality,
    rotate: p.get('rotate') !== '0',
    culling: p.get('cull') !== '0',
    peer: p.get('peer') === 'globegl',
  };
}

export function BenchGlobePage() {
  const { arcs, seconds, warmupMs, quality, rotate, culling, peer } = useMemo(readParams, []);
  const level = useRef<QualityLevel>({ pixelRatio: quality.pixelRatio, railShare: quality.railShare });
  const layer = useMemo(() => {
    // never fades during a bench: the synthetic arcs stay fully drawn
    const l = new ArcLayer({ capacity: Math.max(arcs, 1), fadeStartSec: 1e6, ttlSec: 2e6 });
    l.setOrigin(ORIGIN.lat, ORIGIN.lng);
    if (!peer) syntheticArcs(arcs, SEED, Date.now()).forEach((a, slot) => l.set(slot, a));
    l.flush();
    // hide=rails,dashes,ends: leave parts of the arc layer out, to see what each costs (ui/bench/globe-profile.mjs)
    const hide = new URLSearchParams(window.location.search).get('hide')?.split(',') ?? [];
    for (const [name, part] of Object.entries(l.parts)) if (hide.includes(name)) part.visible = false;
    return l;
  }, [arcs, peer]);
  const globeProps = useMemo(() => (peer ? globeGlArcs(syntheticArcs(arcs, SEED, Date.now()), ORIGIN) : undefined),
    [arcs, peer]);
  const [ready, setReady] = useState(false);
  const [result, setResult] = useState<FrameStats | undefined>(undefined);

  useEffect(() => {
    document.title = `bench: globe with ${arcs} arcs · netwatch`;
    window.__netwatchBench = {
      done: false, frames: 0, meanMs: 0, p95Ms: 0, arcs, ...level.current, antialias: quality.antialias,
    };
    return installTestHook({
      arcs: () => (peer ? arcs : layer.count), points: () => 0, flowsReceived: () => 0, ready: false,
    });
  }, [arcs, layer, peer]);

  useEffect(() => {
    if (!ready) return;
    if (window.__netwatch !== undefined) window.__netwatch.ready = true;
    const intervals: number[] = [];
    let frame = 0;
    let last = 0;
    let start = 0;
    const onFrame = (t: number) => {
      if (start === 0) start = t + warmupMs;
      if (t >= start) {
        if (last > 0) intervals.push(t - last);
        last = t;
      }
      if (t < start + seconds * 1000) {
        frame = requestAnimationFrame(onFrame);
        return;
      }
      const stats = frameStats(intervals);
      window.__netwatchBench = {
        done: true, ...stats, arcs, ...level.current, antialias: quality.antialias,
      };
      setResult(stats);
    };
    frame = requestAnimationFrame(onFrame);
    return () => cancelAnimationFrame(frame);
  }, [ready, seconds, arcs, warmupMs, quality]);

  return (
    <div className="bench-page">
      <GlobeView
        quality={quality}
        layer={layer}
        origin={ORIGIN}
        points={[]}
        rings={[]}
        autoRotate={rotate}
        culling={culling}
        globeProps={globeProps}
        onReady={() => setReady(true)}
        onQuality={(l) => (level.current = l)}
      />
      <p className="bench-result panel" role="status">
        {arcs.toLocaleString('en-US')}
        {' '}
        arcs ·
        {' '}
        {result === undefined
          ? (ready ? `measuring for ${seconds} s…` : 'drawing…')
          : `${result.frames} frames · mean ${result.meanMs} ms · p95 ${result.p95Ms} ms · pixel ratio ${level.current.pixelRatio} · rails ${level.current.railShare * 100} %`}
      </p>
    </div>
  );
}
