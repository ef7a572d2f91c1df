// Copies the arc store's changes into the arc layer four times a second, outside React: no render per message.
import { useEffect, useRef, useState } from 'react';
import { type Arc } from '../data/arc-store.js';
import { type LiveData } from '../data/live-data.js';
import { ArcLayer } from './arc-layer.js';
import { arcVisual, RAIL_LIMIT, railKeys } from './arc-visual.js';
import { resolveOrigin, type Origin } from './origin.js';

const SYNC_MS = 250;
const RAILS_EVERY = 4; // syncs: the busiest arcs are re-ranked once a second

export interface ArcSync {
  layer: ArcLayer;
  /** the arc drawn in each slot */
  slots: (Arc | undefined)[];
  origin: Origin;
  synced: boolean;
}

export function useArcSync(live: LiveData): ArcSync {
  const [layer] = useState(() => new ArcLayer({
    capacity: live.arcs.options.capacity,
    fadeStartSec: live.arcs.options.ttlMs / 3000,
    ttlSec: live.arcs.options.ttlMs / 1000,
  }));
  const slots = useRef<(Arc | undefined)[]>(new Array<Arc | undefined>(layer.capacity));
  const [origin, setOrigin] = useState<Origin>(() => resolveOrigin(live.site, live.internalGeo));
  const [synced, setSynced] = useState(false);

  useEffect(() => {
    let current = origin;
    // start from everything the store holds; later only its changes
    let rails = railKeys(live.arcs.values(), RAIL_LIMIT);
    let tick = 0;
    live.arcs.resetChanges();
    for (const arc of live.arcs.values()) {
      layer.set(arc.slot, arcVisual(arc, rails.has(arc.key)));
      slots.current[arc.slot] = arc;
    }
    const sync = () => {
      const next = resolveOrigin(live.site, live.internalGeo);
      // a centroid drifts with every new location: move the arcs only for a visible change
      if (next.source !== current.source || Math.abs(next.lat - current.lat) + Math.abs(next.lng - current.lng) > 0.5) {
        current = next;
        setOrigin(next);
      }
      layer.setOrigin(current.lat, current.lng);
      const { updated, removedSlots } = live.arcs.drainChanges();
      for (const slot of removedSlots) {
        layer.clear(slot);
        slots.current[slot] = undefined;
      }
      for (const arc of updated) {
        layer.set(arc.slot, arcVisual(arc, rails.has(arc.key)));
        slots.current[arc.slot] = arc;
      }
      if (++tick % RAILS_EVERY === 0) {
        const next = railKeys(live.arcs.values(), RAIL_LIMIT);
        for (const arc of live.arcs.values()) {
          if (next.has(arc.key) !== rails.has(arc.key)) layer.set(arc.slot, arcVisual(arc, next.has(arc.key)));
        }
        rails = next;
      }
      layer.flush();
      setSynced(true);
    };
    sync();
    const timer = setInterval(sync, SYNC_MS);
    return () => clearInterval(timer);
    // origin is read once as the starting point; later changes come from inside the interval
  }, [live, layer]);

  useEffect(() => () => layer.dispose(), [layer]);
  return { layer, slots: slots.current, origin, synced };
}
