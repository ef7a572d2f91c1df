// GLSL for the arc layer. In software WebGL (SwiftShader) the arcs' cost is per vertex, not per pixel: every vertex
// of a draw runs the whole vertex shader (its branches are executed for all lanes), so the layer draws as few vertices
// as it can (measured with ui/bench/globe-profile.mjs):
// - a dash is a short screen-space ribbon of DASH_SEGMENTS segments placed along its arc by the vertex shader at the
//   dash's current position, not a ribbon along the whole arc of which most is hidden;
// - a rail (the busiest few hundred arcs keep a faint line along their whole length) is a ribbon in its own mesh;
// - an arc's remote end is one point sprite.
// Points along an arc are computed here from the arc's frame (geo.ts arcFrame: the start is a uniform, since every
// arc starts at the site), so positions never change per frame on the CPU, and the dash and fading run here from
// per-vertex copies of the arc's record: animation costs no CPU. Triangles and points only: GL lines and instanced
// draws are far slower in SwiftShader.

const common = /* glsl */ `
  uniform float uTime;
  uniform float uFadeStart;
  uniform float uTtl;
  uniform float uDashLength;
  uniform vec2 uResolution;
  uniform vec3 uOrigin; // unit vector of the site, where every arc starts
  uniform mat4 uModelViewProjection; // projectionMatrix × modelViewMatrix, multiplied once per draw, not per vertex
  uniform vec3 uCamera; // the camera's position in the layer's own coordinates (the globe's centre is the origin)
  attribute vec4 aArc; // the arc's frame: unit vector u perpendicular to uOrigin towards the end, central angle
  attribute vec4 aLook; // rgb, width of the dash in px
  attribute vec4 aTime; // last seen (s), dash phase, dash speed (arc lengths per second, signed), 0 dead/1 alive/2 rail

  // fades out between uFadeStart and uTtl seconds after the arc was last seen
  float arcLife() {
    return min(aTime.w, 1.0) * (1.0 - smoothstep(uFadeStart, uTtl, uTime - aTime.x));
  }

  // whether the globe (radius 100 at the origin) hides a point from the camera by more than the margin: the ray
  // meets the sphere at least that far before the point
  bool behindGlobe(vec3 p, float margin) {
    vec3 d = p - uCamera;
    float len = length(d);
    d /= len;
    float b = dot(uCamera, d);
    float disc = b * b - dot(uCamera, uCamera) + 10000.0;
    if (disc <= 0.0) return false;
    float t = -b - sqrt(disc);
    return t > 0.0 && t < len - margin;
  }
`;

/** Ribbons (dashes and rails): a point of the arc and a screen-space offset across it. */
const ribbon = /* glsl */ `
  // the point at t of the arc (geo.ts writeArcPoint) and the derivative of the point by t
  vec3 arcPoint(float t, out vec3 tangent) {
    float angle = aArc.w;
    float c = cos(t * angle);
    float s = sin(t * angle);
    vec3 dir = c * uOrigin + s * aArc.xyz;
    float peak = 0.03 + 0.25 * angle / PI;
    float r = 100.0 * (1.0 + peak * sin(PI * t));
    tangent = angle * r * (c * aArc.xyz - s * uOrigin) + dir * (100.0 * peak * PI * cos(PI * t));
    return dir * r;
  }

  // clip position of world point p moved sideways (side ±1) by half of width px, across the screen direction of the
  // tangent; width 0 (and so no pixels) well behind the globe, where the depth test would reject them only after
  // rasterising them
  vec4 ribbonPosition(vec3 p, vec3 tangent, float width, float side) {
    if (behindGlobe(p, 8.0)) width = 0.0;
    vec4 clip = uModelViewProjection * vec4(p, 1.0);
    vec4 along = uModelViewProjection * vec4(tangent, 0.0);
    // the screen direction of the tangent: the derivative of clip.xy / clip.w, in pixels
    vec2 dir = (along.xy * clip.w - clip.xy * along.w) * uResolution;
    float len = length(dir);
    dir = len > 1e-9 ? dir / len : vec2(1.0, 0.0);
    clip.xy += vec2(-dir.y, dir.x) * side * width / uResolution * clip.w;
    return clip;
  }
`;

export const dashVertexShader = /* glsl */ `
  #include <common>
  #include <logdepthbuf_pars_vertex>
  ${common}
  ${ribbon}
  attribute vec2 aDash; // x: 0 at the dash's head … 1 at its tail; y: ribbon side, -1 or +1
  varying vec4 vColor; // rgb, alpha (life × dash², per vertex: few varyings keep it cheap)
  varying float vSide;

  void main() {
    float life = arcLife();
    if (life < 0.004) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside the clip volume: nothing is rasterised
      vColor = vec4(0.0);
      vSide = 0.0;
      return;
    }
    // The head runs from 0 to 1 + length (the dash slides fully in and fully out), towards the remote end for a
    // positive speed, towards the site for a negative one; the rest of the dash trails behind it. Parts beyond the
    // arc's ends are clamped onto them, where they make zero-area triangles.
    float travel = fract(uTime * abs(aTime.z) + aTime.y) * (1.0 + uDashLength);
    float t = aTime.z >= 0.0 ? travel - aDash.x * uDashLength : 1.0 - travel + aDash.x * uDashLength;
    t = clamp(t, 0.0, 1.0);
    float dash = 1.0 - aDash.x;
    vec3 tangent;
    vec3 p = arcPoint(t, tangent);
    // the dash at its byte-weighted width, at least 1 px, + 1 px of soft edge, tapering to nothing at its tail;
    // arcs taper into the site, where they all meet, so the hub does not become a blot
    float width = dash > 0.0 ? (max(1.0, aLook.w * dash) + 1.0) * smoothstep(0.0, 0.08, t) : 0.0;
    // counter-clockwise on screen (the meshes are one-sided): the template runs from head to tail, against the
    // direction of t when the dash moves towards the remote end
    gl_Position = ribbonPosition(p, tangent, width, aTime.z >= 0.0 ? -aDash.y : aDash.y);
    // brightest at the head, squared falloff towards the tail
    vColor = vec4(aLook.rgb, life * dash * dash);
    vSide = aDash.y;
    #include <logdepthbuf_vertex>
  }
`;

export const railVertexShader = /* glsl */ `
  #include <common>
  #include <logdepthbuf_pars_vertex>
  ${common}
  ${ribbon}
  attribute vec2 aRail; // x: 0 at the site … 1 at the remote end; y: ribbon side, -1 or +1
  varying vec4 vColor;
  varying float vSide;

  void main() {
    float life = arcLife();
    if (life < 0.004) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      vColor = vec4(0.0);
      vSide = 0.0;
      return;
    }
    vec3 tangent;
    vec3 p = arcPoint(aRail.x, tangent);
    // 0.5 px + 1 px of soft edge, faint
    gl_Position = ribbonPosition(p, tangent, 1.5 * smoothstep(0.0, 0.08, aRail.x), aRail.y);
    vColor = vec4(aLook.rgb, life * 0.35);
    vSide = aRail.y;
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

/** The remote end: a point sprite with a round, soft dot drawn in it. */
export const endVertexShader = /* glsl */ `
  #include <common>
  #include <logdepthbuf_pars_vertex>
  ${common}
  uniform float uPixelRatio; // point sizes are in drawing-buffer pixels, widths above in CSS pixels
  varying vec4 vColor;

  void main() {
    float life = arcLife();
    if (life < 0.004 || behindGlobe(position, 0.5)) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      gl_PointSize = 1.0;
      vColor = vec4(0.0);
      return;
    }
    gl_Position = uModelViewProjection * vec4(position, 1.0);
    gl_PointSize = 2.0 * (2.0 + 0.6 * aLook.w) * uPixelRatio; // diameter: radius 2 px + 0.6 px per px of dash
    vColor = vec4(aLook.rgb, life);
    #include <logdepthbuf_vertex>
  }
`;

export const endFragmentShader = /* glsl */ `
  #include <logdepthbuf_pars_fragment>
  varying vec4 vColor;

  void main() {
    #include <logdepthbuf_fragment>
    float d = length(gl_PointCoord * 2.0 - 1.0);
    gl_FragColor = vec4(vColor.rgb, vColor.a * (1.0 - smoothstep(0.6, 1.0, d)));
  }
`;
