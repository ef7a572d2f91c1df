// The globe's atmosphere: the same glow as three-globe's (a back-facing sphere at the atmosphere's altitude, alpha
// (0.1 + n·v)^3.5, its inside discarded), drawn as a flat ring that faces the camera and covers only where the glow
// is seen: between the globe's outline and the atmosphere's. three-globe's sphere runs its fragment shader on every
// pixel of the atmosphere's disc, nearly all of them then hidden by the globe: in software WebGL (SwiftShader) that
// was a quarter of the frame time with no arcs (ui/bench/globe-profile.mjs). The glow depends only on how far the
// view ray passes from the centre, so it is computed per vertex, on enough rings that interpolation cannot be seen.
import * as THREE from 'three';
import { GLOBE_RADIUS } from './geo.js';

const AROUND = 128; // segments around: under 0.2 px from a circle at any size the globe is drawn
const RINGS = 8;

const vertexShader = /* glsl */ `
  uniform float uInner; // just inside the globe's outline (the globe hides the rest by the depth test)
  uniform float uOuter; // the atmosphere's radius
  attribute vec2 aRing; // angle around the centre; 0 at the inner edge … 1 at the outer
  varying float vAlpha;

  void main() {
    vec3 centre = (modelViewMatrix * vec4(0.0, 0.0, 0.0, 1.0)).xyz; // the globe's centre in view space
    float distance = length(centre);
    if (distance <= uOuter) { // the camera inside the atmosphere: no glow to draw
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      vAlpha = 0.0;
      return;
    }
    // b: how far the view ray through this vertex passes from the centre. The ray meets the plane through the centre
    // facing the camera at rho from the centre; it leaves the atmosphere's sphere where the outward normal n and the
    // ray's direction v have n·v = sqrt(1 - b²/outer²), which is the back face three-globe's glow is shaded on.
    float b = mix(uInner, uOuter, aRing.y);
    float rho = b * distance / sqrt(distance * distance - b * b);
    vec3 axis = centre / distance;
    vec3 e1 = normalize(cross(axis, abs(axis.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0)));
    vec3 e2 = cross(axis, e1);
    vec3 p = centre + rho * (cos(aRing.x) * e1 + sin(aRing.x) * e2);
    gl_Position = projectionMatrix * vec4(p, 1.0);
    float nv = sqrt(max(0.0, 1.0 - b * b / (uOuter * uOuter)));
    vAlpha = pow(0.1 + nv, 3.5);
  }
`;

const fragmentShader = /* glsl */ `
  uniform vec3 uColor;
  varying float vAlpha;

  void main() {
    gl_FragColor = vec4(uColor, vAlpha);
  }
`;

/** Rings of vertices from the inner edge to the outer, each AROUND + 1 vertices (the seam doubled). */
function ringGeometry(): THREE.BufferGeometry {
  const ring = new Float32Array((AROUND + 1) * (RINGS + 1) * 2);
  for (let r = 0; r <= RINGS; r++) {
    for (let a = 0; a <= AROUND; a++) ring.set([(a / AROUND) * Math.PI * 2, r / RINGS], (r * (AROUND + 1) + a) * 2);
  }
  const index: number[] = [];
  for (let r = 0; r < RINGS; r++) {
    for (let a = 0; a < AROUND; a++) {
      const i = r * (AROUND + 1) + a;
      const o = i + AROUND + 1;
      index.push(i, i + 1, o, i + 1, o + 1, o); // counter-clockwise as seen from the camera
    }
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('aRing', new THREE.BufferAttribute(ring, 2));
  geometry.setIndex(index);
  geometry.boundingSphere = new THREE.Sphere(new THREE.Vector3(), GLOBE_RADIUS * 2);
  return geometry;
}

/** The glow of three-globe's `atmosphereColor`/`atmosphereAltitude`, for `showAtmosphere={false}` plus this object. */
export function createAtmosphere(color: string, altitude: number): THREE.Mesh {
  const material = new THREE.ShaderMaterial({
    uniforms: {
      // THREE.Color converts the CSS colour to the working (linear) space and the shader writes it unconverted: as
      // three-globe's glow material does, so the colour is the same
      uColor: { value: new THREE.Color(color) },
      uInner: { value: GLOBE_RADIUS * 0.98 },
      uOuter: { value: GLOBE_RADIUS * (1 + altitude) },
    },
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
    side: THREE.DoubleSide, // a ring facing the camera whichever way the basis turns; one pass (no back faces)
    forceSinglePass: true,
  });
  const mesh = new THREE.Mesh(ringGeometry(), material);
  mesh.frustumCulled = false;
  mesh.raycast = () => {};
  // three-globe's glow was created after the arc layer, and so drawn over the arcs: the same order here
  mesh.renderOrder = 1;
  return mesh;
}
