// The frame-time bench's named peer: the same synthetic arcs drawn by globe.gl's own arcs layer (three-globe), as an
// app would draw them without a layer of its own: one line per arc with globe.gl's animated dash, of the same
// colour, the same dash length and speed, and the same rise towards the middle.
import { type GlobeProps } from 'react-globe.gl';
import { type ArcVisual } from '../globe/arc-visual.js';

interface PeerArc {
  startLat: number;
  startLng: number;
  endLat: number;
  endLng: number;
  color: string;
  seconds: number;
  phase: number;
}

const hex = (c: number) => Math.round(c * 255).toString(16).padStart(2, '0');

export function globeGlArcs(arcs: readonly ArcVisual[], origin: { lat: number; lng: number }): Partial<GlobeProps> {
  const data: PeerArc[] = arcs.map((a) => ({
    startLat: origin.lat, startLng: origin.lng, endLat: a.lat, endLng: a.lng,
    color: `#${a.color.map(hex).join('')}`,
    // arc lengths per second → seconds per dash cycle; globe.gl runs every dash from the start towards the end
    seconds: 1 / Math.abs(a.speed), phase: a.phase,
  }));
  return {
    arcsData: data,
    arcStartLat: 'startLat',
    arcStartLng: 'startLng',
    arcEndLat: 'endLat',
    arcEndLng: 'endLng',
    arcColor: 'color',
    arcDashLength: 0.22,
    arcDashGap: 1,
    arcDashInitialGap: (d: object) => (d as PeerArc).phase,
    arcDashAnimateTime: (d: object) => (d as PeerArc).seconds * 1000,
    arcsTransitionDuration: 0,
  };
}
