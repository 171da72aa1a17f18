import { useEffect, useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { BackSide, ShaderMaterial, type Mesh } from "three";
import type { WorldDefinition } from "../../shared/world";
import { srgbVector } from "./srgb";
import { towardsSun } from "./sunDirection";

const RADIUS = 450;
/** Last of the opaque things: it sits on the far plane, so only uncovered pixels are shaded. */
const SKY_RENDER_ORDER = 2;

const vertexShader = /* glsl */ `
  varying vec3 vDirection;
  void main() {
    vDirection = normalize(position);
    vec4 clip = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
    gl_Position = clip.xyww; // on the far plane: the sky is behind everything
  }
`;

// Colours arrive in sRGB and leave untouched, so the horizon meets the fog colour exactly.
const fragmentShader = /* glsl */ `
  uniform vec3 topColor;
  uniform vec3 horizonColor;
  uniform vec3 fogColor;
  uniform vec3 sunColor;
  uniform vec3 sunDirection;
  varying vec3 vDirection;
  void main() {
    vec3 dir = normalize(vDirection);
    float h = dir.y;
    vec3 sky = mix(horizonColor, topColor, pow(smoothstep(0.0, 1.0, h), 0.55));
    sky = mix(fogColor, sky, smoothstep(-0.02, 0.16, h));
    float sunDot = max(dot(dir, sunDirection), 0.0);
    sky += sunColor * (pow(sunDot, 900.0) * 1.4 + pow(sunDot, 40.0) * 0.18) * smoothstep(-0.05, 0.05, h);
    gl_FragColor = vec4(sky, 1.0);
  }
`;

/** A gradient sky that follows the camera, blending into the fog at the horizon, with a soft sun. */
export function SkyDome({ sky }: { sky: WorldDefinition["sky"] }) {
  const mesh = useRef<Mesh>(null);
  const material = useMemo(
    () =>
      new ShaderMaterial({
        uniforms: {
          topColor: { value: srgbVector(sky.top) },
          horizonColor: { value: srgbVector(sky.horizon) },
          fogColor: { value: srgbVector(sky.fog.color) },
          sunColor: { value: srgbVector(sky.sun.color) },
          sunDirection: { value: towardsSun(sky.sun.direction) },
        },
        vertexShader,
        fragmentShader,
        side: BackSide,
        depthWrite: false,
        fog: false,
        toneMapped: false,
      }),
    [sky],
  );
  useEffect(() => () => material.dispose(), [material]);
  useFrame(({ camera }) => {
    mesh.current?.position.copy(camera.position);
  });
  return (
    <mesh ref={mesh} material={material} renderOrder={SKY_RENDER_ORDER} frustumCulled={false}>
      <sphereGeometry args={[RADIUS, 32, 16]} />
    </mesh>
  );
}
