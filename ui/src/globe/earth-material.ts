// The globe's surface material: three.js's Blinn-Phong lighting (the same lights, BRDF and constants as
// MeshPhongMaterial) evaluated per vertex instead of per pixel, then the texture per pixel. The lights (globe.gl's
// ambient and directional) are fixed and the highlight is broad (shininess 6), so the sphere's facets cannot be
// seen in it; in software WebGL (SwiftShader) the per-pixel lighting was a sixth of the frame time with no arcs.
import * as THREE from 'three';

const vertexShader = /* glsl */ `
  #include <common>
  #include <bsdfs>
  #include <lights_pars_begin>
  uniform vec3 specular;
  uniform float shininess;
  varying vec2 vUv;
  varying vec3 vDiffuse; // what multiplies the texture: ambient and direct irradiance × the Lambert BRDF
  varying vec3 vSpecular;

  void main() {
    vUv = uv;
    vec4 mvPosition = modelViewMatrix * vec4(position, 1.0);
    vec3 n = normalize(normalMatrix * normal);
    vec3 viewDir = normalize(-mvPosition.xyz);
    vec3 irradiance = getAmbientLightIrradiance(ambientLightColor);
    vec3 direct = vec3(0.0);
    vec3 highlight = vec3(0.0);
    #if NUM_DIR_LIGHTS > 0
      DirectionalLight light;
      #pragma unroll_loop_start
      for (int i = 0; i < NUM_DIR_LIGHTS; i ++) {
        light = directionalLights[ i ];
        vec3 lit = saturate(dot(n, light.direction)) * light.color;
        direct += lit;
        highlight += lit * BRDF_BlinnPhong(light.direction, viewDir, n, specular, shininess);
      }
      #pragma unroll_loop_end
    #endif
    vDiffuse = BRDF_Lambert(irradiance + direct);
    vSpecular = highlight;
    gl_Position = projectionMatrix * mvPosition;
  }
`;

const fragmentShader = /* glsl */ `
  uniform sampler2D map;
  varying vec2 vUv;
  varying vec3 vDiffuse;
  varying vec3 vSpecular;

  void main() {
    gl_FragColor = vec4(texture2D(map, vUv).rgb * vDiffuse + vSpecular, 1.0);
    #include <tonemapping_fragment>
    #include <colorspace_fragment>
  }
`;

/** A lit, textured material with MeshPhongMaterial's `specular` and `shininess` meaning. */
export function createVertexLitMaterial(
  map: THREE.Texture,
  options: { specular: THREE.Color; shininess: number },
): THREE.ShaderMaterial {
  const uniforms = THREE.UniformsUtils.merge([THREE.UniformsLib.lights]);
  // set after the merge, which clones what it copies: the canvas texture must stay the one the page redraws
  Object.assign(uniforms, {
    map: { value: map },
    specular: { value: options.specular },
    shininess: { value: options.shininess },
  });
  return new THREE.ShaderMaterial({ uniforms, vertexShader, fragmentShader, lights: true });
}
