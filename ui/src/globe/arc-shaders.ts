// GLSL for the arc layer: each arc is one screen-space ribbon (constant pixel width at any zoom) along which a
// comet-like dash travels, as wide as the arc's bytes deserve, in the direction most bytes go. Arcs marked "rail"
// (the busiest few hundred) also keep a faint thin line along their whole length. Elsewhere the ribbon has zero
// width, so it costs no pixels: fill rate is what limits software rendering (SwiftShader), where drawing every
// arc's full length made 5 000 arcs several times slower. Positions are fixed per arc; fading and the dash are
// computed here from per-vertex copies of the arc's record, so the animation costs no CPU. Triangles only: GL lines
// and instanced draws are far slower in SwiftShader (measured with ui/bench/globe-frame-time.mjs).

const common = /* glsl */ `
  uniform float uTime;
  uniform float uFadeStart;
  uniform float uTtl;
  uniform float uDashLength;
  uniform vec2 uResolution;
  attribute vec4 aLook; // rgb, width of the dash in px
  attribute vec4 aTime; // last seen (s), dash phase, dash speed (arc lengths per second, signed), 0 dead/1 alive/2 rail

  // fades out between uFadeStart and uTtl seconds after the arc was last seen
  float arcLife() {
    return min(aTime.w, 1.0) * (1.0 - smoothstep(uFadeStart, uTtl, uTime - aTime.x));
  }

  // how far the dash's head is along the arc: from 0 to 1 + length (it slides fully in and fully out)
  float dashHead() {
    float travel = fract(uTime * abs(aTime.z) + aTime.y) * (1.0 + uDashLength);
    return aTime.z >= 0.0 ? travel : 1.0 - travel;
  }

  // 1 at the dash's head, falling to 0 at its tail; 0 outside it
  float dashAt(float rel, float head, float speed) {
    float behind = (speed >= 0.0 ? head - rel : rel - head) / uDashLength;
    return behind >= 0.0 && behind <= 1.0 ? 1.0 - behind : 0.0;
  }

  // whether the globe (radius 100 at the origin) hides a world point from the camera by more than the margin: the ray
  // meets the sphere at least that far before the point
  bool behindGlobe(vec3 p, float margin) {
    vec3 d = p - cameraPosition;
    float len = length(d);
    d /= len;
    float b = dot(cameraPosition, d);
    float disc = b * b - dot(cameraPosition, cameraPosition) + 10000.0;
    if (disc <= 0.0) return false;
    float t = -b - sqrt(disc);
    return t > 0.0 && t < len - margin;
  }
`;

export const ribbonVertexShader = /* glsl */ `
  #include <common>
  #include <logdepthbuf_pars_vertex>
  ${common}
  attribute vec3 aTangent;
  attribute vec2 aRel; // x: 0 at the site … 1 at the remote end; y: ribbon side, -1 or +1
  uniform float uSegment; // rel between two neighbouring vertices
  varying vec4 vColor; // rgb, alpha (life × the brighter of rail and dash, per vertex: few varyings keep it cheap)
  varying float vSide;

  void main() {
    float life = arcLife();
    float head = dashHead();
    bool rail = aTime.w > 1.5;
    float dash = dashAt(aRel.x, head, aTime.z);
    // A dead arc, or a vertex whose neighbours are also outside the dash (and no rail), only joins zero-width
    // triangles: skip all the work below (most vertices of most arcs at any moment).
    if (life < 0.004 || (!rail && dash == 0.0 && dashAt(aRel.x - uSegment, head, aTime.z) == 0.0 &&
        dashAt(aRel.x + uSegment, head, aTime.z) == 0.0)) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume: nothing is rasterised
      vColor = vec4(0.0);
      return;
    }
    // the dash at its byte-weighted width, a rail at 0.5 px; +1 px of soft edge where there is anything; arcs taper
    // into the site, where they all meet, so the hub does not become a blot
    float core = max(dash > 0.0 ? max(1.0, aLook.w * dash) : 0.0, rail ? 0.5 : 0.0);
    float width = core > 0.0 ? (core + 1.0) * smoothstep(0.0, 0.08, aRel.x) : 0.0;
    // Well behind the globe a ribbon gets no width, so it costs no pixels (the depth test would reject them only
    // after rasterising them); the margin keeps the taper itself out of sight.
    if (behindGlobe((modelMatrix * vec4(position, 1.0)).xyz, 8.0)) width = 0.0;
    vec4 clip = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    vec4 ahead = projectionMatrix * modelViewMatrix * vec4(position + aTangent, 1.0);
    vec2 dir = (ahead.xy / ahead.w - clip.xy / clip.w) * uResolution;
    float len = length(dir);
    dir = len > 1e-6 ? dir / len : vec2(1.0, 0.0);
    // half the width on each side, from pixels to clip space
    clip.xy += vec2(-dir.y, dir.x) * aRel.y * width / uResolution * clip.w;
    gl_Position = clip;
    // the dash is brightest at its head (squared falloff towards the tail); a rail glows faintly everywhere
    vColor = vec4(aLook.rgb, life * max(rail ? 0.35 : 0.0, dash * dash));
    vSide = aRel.y;
    #include <logdepthbuf_vertex>
  }
`;

export const ribbonFragmentShader = /* glsl */ `
  #include <logdepthbuf_pars_fragment>
  varying vec4 vColor;
  varying float vSide;

  void main() {
    #include <logdepthbuf_fragment>
    gl_FragColor = vec4(vColor.rgb, vColor.a * (1.0 - smoothstep(0.4, 1.0, abs(vSide))));
  }
`;

/** The remote end: a small screen-space square with a round, soft dot drawn in it. */
export const endVertexShader = /* glsl */ `
  #include <common>
  #include <logdepthbuf_pars_vertex>
  ${common}
  attribute vec2 aCorner; // ±1, ±1
  varying vec4 vColor;
  varying vec2 vCorner;

  void main() {
    float life = arcLife();
    if (life < 0.004) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      vColor = vec4(0.0);
      return;
    }
    vec4 clip = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    float size = behindGlobe((modelMatrix * vec4(position, 1.0)).xyz, 0.5) ? 0.0 : 2.0 + 0.6 * aLook.w; // radius, px
    clip.xy += aCorner * size * 2.0 / uResolution * clip.w;
    gl_Position = clip;
    vColor = vec4(aLook.rgb, life);
    vCorner = aCorner;
    #include <logdepthbuf_vertex>
  }
`;

export const endFragmentShader = /* glsl */ `
  #include <logdepthbuf_pars_fragment>
  varying vec4 vColor;
  varying vec2 vCorner;

  void main() {
    #include <logdepthbuf_fragment>
    float d = length(vCorner);
    gl_FragColor = vec4(vColor.rgb, vColor.a * (1.0 - smoothstep(0.6, 1.0, d)));
  }
`;
