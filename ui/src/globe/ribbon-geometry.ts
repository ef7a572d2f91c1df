// The arc layer's ribbons (dashes and rails) as slot geometry: a template of (position along, side) per vertex and
// one index group per segment, so the culling pass can leave segments out (arc-culling.ts).
import { SlotGeometry } from './slot-geometry.js';

/**
 * A ribbon of `segments` quads, counter-clockwise triangles. With `pointedEnd` the ribbon ends in one vertex instead
 * of a pair, its last segment one triangle: for the dashes, whose width is zero at the tail anyway.
 */
export function ribbonGeometry(
  slots: number, segments: number, templateName: string, pointedEnd = false,
): SlotGeometry {
  const groups: number[][] = [];
  for (let i = 0; i < segments; i++) {
    const a = i * 2;
    // counter-clockwise on screen when side +1 lies left of the direction the template runs (arc-shaders.ts)
    groups.push(pointedEnd && i === segments - 1 ? [a, a + 2, a + 1] : [a, a + 2, a + 1, a + 2, a + 3, a + 1]);
  }
  return new SlotGeometry({
    slots,
    vertsPerSlot: (segments + 1) * 2 - (pointedEnd ? 1 : 0),
    template: { name: templateName, size: 2, at: (k) => [Math.floor(k / 2) / segments, k % 2 === 0 ? -1 : 1] },
    groups,
    records: { aArc: 4, aLook: 4, aTime: 4 },
  });
}
