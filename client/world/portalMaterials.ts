import { AdditiveBlending, DoubleSide, ShaderMaterial, type ShaderMaterialParameters } from "three";
import { srgbVector } from "./srgb";

/** Both portal shaders only need the surface's UV in the fragment stage. */
const UV_VERTEX_SHADER = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }
`;

const UV_FRAGMENT_HEADER = /* glsl */ `
  uniform vec3 color;
  uniform float time;
  varying vec2 vUv;
`;

/** Portal effects add light: see-through, never hiding what is behind, untouched by tone mapping. */
function glowMaterial(parameters: ShaderMaterialParameters): ShaderMaterial {
  return new ShaderMaterial({ transparent: true, depthWrite: false, blending: AdditiveBlending, toneMapped: false, ...parameters });
}

/** The swirling veil inside a portal ring. */
export function createVeilMaterial(color: string): ShaderMaterial {
  return glowMaterial({
    uniforms: { color: { value: srgbVector(color) }, time: { value: 0 } },
    vertexShader: UV_VERTEX_SHADER,
    fragmentShader: /* glsl */ `
      ${UV_FRAGMENT_HEADER}
      void main() {
        vec2 p = vUv * 2.0 - 1.0;
        float r = length(p);
        float a = atan(p.y, p.x);
        float swirl = sin(a * 3.0 + r * 9.0 - time * 1.8) * 0.5 + 0.5;
        float shimmer = sin(a * 7.0 - r * 14.0 + time * 2.6) * 0.5 + 0.5;
        float edge = smoothstep(1.0, 0.55, r);
        float alpha = (0.10 + 0.30 * swirl * r + 0.12 * shimmer) * edge;
        gl_FragColor = vec4(color * (0.7 + 0.6 * swirl), alpha);
      }
    `,
    side: DoubleSide,
  });
}

/** Sparks drifting up through a portal; positions are computed on the GPU from a seed. */
export function createSparkMaterial(color: string, radius: number): ShaderMaterial {
  return glowMaterial({
    uniforms: { color: { value: srgbVector(color) }, time: { value: 0 }, radius: { value: radius } },
    vertexShader: /* glsl */ `
      attribute float seed;
      uniform float time;
      uniform float radius;
      varying float vFade;
      void main() {
        float t = fract(time * 0.22 + seed);
        float spread = 0.35 + 0.65 * fract(seed * 13.7);
        float angle = seed * 43.98 + time * 0.35;
        vec3 p = vec3(cos(angle) * radius * spread, t * 3.2, sin(angle) * radius * spread * 0.35);
        vec4 mv = modelViewMatrix * vec4(p, 1.0);
        // Sparks right in front of the camera would be screen-sized blobs: fade and cap them.
        vFade = sin(t * 3.14159) * smoothstep(0.8, 2.5, -mv.z);
        gl_PointSize = min(70.0 / max(-mv.z, 0.5), 16.0);
        gl_Position = projectionMatrix * mv;
      }
    `,
    fragmentShader: /* glsl */ `
      uniform vec3 color;
      varying float vFade;
      void main() {
        float d = length(gl_PointCoord - 0.5);
        float alpha = smoothstep(0.5, 0.0, d) * vFade;
        gl_FragColor = vec4(mix(color, vec3(1.0), 0.5), alpha);
      }
    `,
  });
}

/** The glowing circle on the ground that marks where a portal triggers. */
export function createGroundGlowMaterial(color: string): ShaderMaterial {
  return glowMaterial({
    uniforms: { color: { value: srgbVector(color) }, time: { value: 0 } },
    vertexShader: UV_VERTEX_SHADER,
    fragmentShader: /* glsl */ `
      ${UV_FRAGMENT_HEADER}
      void main() {
        float r = length(vUv * 2.0 - 1.0);
        float rim = smoothstep(0.78, 0.93, r) * smoothstep(1.0, 0.94, r);
        float pulse = 0.55 + 0.45 * sin(time * 2.2 - r * 6.0);
        float fill = smoothstep(1.0, 0.0, r) * 0.22 * pulse;
        gl_FragColor = vec4(color, rim * 0.9 + fill);
      }
    `,
  });
}
