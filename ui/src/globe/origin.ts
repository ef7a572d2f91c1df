// Where arcs start: the configured site (NETWATCH_SITE_*), else the centroid of internal endpoints' locations, else
// 0°, 0° — and the page says which, so a newcomer knows why arcs leave from the Gulf of Guinea.
import { type GeoCentroid } from '../data/geo-centroid.js';
import { type Site } from '../data/types.js';

export interface Origin {
  lat: number;
  lng: number;
  source: 'site' | 'centroid' | 'default';
  name: string;
}

export function resolveOrigin(site: Site | undefined, centroid: GeoCentroid): Origin {
  const name = site?.name ?? 'site';
  if (site?.lat !== undefined && site.lon !== undefined) return { lat: site.lat, lng: site.lon, source: 'site', name };
  const c = centroid.value();
  if (c !== undefined) return { ...c, source: 'centroid', name };
  return { lat: 0, lng: 0, source: 'default', name };
}
