// The globe's surface, drawn here on a canvas (no image from the internet, no data: URL for the CSP to refuse):
// dark ocean, country shapes from Natural Earth 1:110m (public domain, ui/public/land-110m.json) and a 15° graticule.
import * as THREE from 'three';
import { createVertexLitMaterial } from './earth-material.js';

export const EARTH_COLORS = {
  ocean: '#07111f',
  land: '#14263b',
  border: '#2b4a6b',
  coast: '#3d6a96',
  graticule: 'rgba(90, 140, 200, 0.16)',
};

interface LandFile {
  scale: number;
  rings: number[][];
}

/** Equirectangular: longitude −180…180 → x 0…width, latitude 90…−90 → y 0…height (three-globe's UV layout). */
export function project(lon: number, lat: number, width: number, height: number): [number, number] {
  return [((lon + 180) / 360) * width, ((90 - lat) / 180) * height];
}

export function drawBase(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.fillStyle = EARTH_COLORS.ocean;
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = EARTH_COLORS.graticule;
  ctx.lineWidth = Math.max(1, width / 4096);
  ctx.beginPath();
  for (let lon = -180; lon <= 180; lon += 15) {
    const [x] = project(lon, 0, width, height);
    ctx.moveTo(x, 0);
    ctx.lineTo(x, height);
  }
  for (let lat = -75; lat <= 75; lat += 15) {
    const [, y] = project(0, lat, width, height);
    ctx.moveTo(0, y);
    ctx.lineTo(width, y);
  }
  ctx.stroke();
}

export function drawLand(ctx: CanvasRenderingContext2D, land: LandFile, width: number, height: number): void {
  const path = new Path2D();
  for (const ring of land.rings) {
    let lon = 0;
    let lat = 0;
    for (let i = 0; i + 1 < ring.length; i += 2) {
      // delta-encoded in 1/scale degrees (scripts/make-land.mjs)
      lon += ring[i] as number;
      lat += ring[i + 1] as number;
      const [x, y] = project(lon / land.scale, lat / land.scale, width, height);
      if (i === 0) path.moveTo(x, y);
      else path.lineTo(x, y);
    }
    path.closePath();
  }
  ctx.fillStyle = EARTH_COLORS.land;
  ctx.fill(path, 'evenodd');
  ctx.lineJoin = 'round';
  ctx.strokeStyle = EARTH_COLORS.border;
  ctx.lineWidth = Math.max(1, width / 3000);
  ctx.stroke(path);
}

function isLandFile(v: unknown): v is LandFile {
  return typeof v === 'object' && v !== null && typeof (v as LandFile).scale === 'number' &&
    Array.isArray((v as LandFile).rings);
}

/** How the surface is lit: `vertex` (the default) is `phong`'s lighting per vertex (earth-material.ts). */
export type EarthMaterialKind = 'vertex' | 'phong' | 'lambert' | 'basic';

/**
 * A material whose texture is the ocean and graticule at once and gains the countries when the outline file has
 * loaded (resolves then; a failed load leaves the plain globe and says so in the console).
 */
export function createEarthMaterial(
  kind: EarthMaterialKind = 'vertex',
  width = 4096,
): { material: THREE.Material; texture: THREE.CanvasTexture; loaded: Promise<void> } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = width / 2;
  const ctx = canvas.getContext('2d');
  const texture = new THREE.CanvasTexture(canvas);
  texture.colorSpace = THREE.SRGBColorSpace;
  const shine = { shininess: 6, specular: new THREE.Color('#0c1a2e') };
  const material = kind === 'basic' ? new THREE.MeshBasicMaterial({ map: texture })
    : kind === 'lambert' ? new THREE.MeshLambertMaterial({ map: texture })
      : kind === 'phong' ? new THREE.MeshPhongMaterial({ map: texture, ...shine })
        : createVertexLitMaterial(texture, shine);
  if (ctx === null) return { material, texture, loaded: Promise.resolve() };
  drawBase(ctx, canvas.width, canvas.height);
  texture.needsUpdate = true;
  const loaded = fetch(`${import.meta.env.BASE_URL}land-110m.json`)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((land: unknown) => {
      if (!isLandFile(land)) throw new Error('not a land outline file');
      drawLand(ctx, land, canvas.width, canvas.height);
      texture.needsUpdate = true;
    })
    .catch((err: unknown) => console.warn('netwatch: country outlines not loaded, plain globe shown', err));
  return { material, texture, loaded };
}
