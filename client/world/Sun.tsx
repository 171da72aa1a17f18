import { useEffect, useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Vector3, type DirectionalLight } from "three";
import type { WorldDefinition } from "../../shared/world";
import { towardsSun } from "./sunDirection";

const SHADOW_HALF_EXTENT = 16;
const SUN_DISTANCE = 60;
/** How far ahead of the camera the shadowed area is centred: where the eye looks, not behind it. */
const FOCUS_AHEAD = 7;

const focus = new Vector3();
const ahead = new Vector3();
const UP = new Vector3(0, 1, 0);

/** The shadow camera's own axes (it looks from the sun at its target with +Y up). */
function lightAxes(sunward: Vector3) {
  const x = new Vector3().crossVectors(UP, sunward).normalize();
  const y = new Vector3().crossVectors(sunward, x).normalize();
  return { x, y, z: sunward };
}

/** Rounds `point` to whole shadow texels (of size `texel`) in the light's view plane, in place. */
function snapToTexels(point: Vector3, axes: ReturnType<typeof lightAxes>, texel: number): void {
  const px = Math.round(point.dot(axes.x) / texel) * texel;
  const py = Math.round(point.dot(axes.y) / texel) * texel;
  const pz = point.dot(axes.z);
  point.copy(axes.x).multiplyScalar(px).addScaledVector(axes.y, py).addScaledVector(axes.z, pz);
}

/**
 * The sun: a directional light whose tight shadow box travels with the camera, snapped to whole
 * shadow texels so edges do not shimmer as you walk.
 */
export function Sun({ sun, shadowMapSize }: { sun: WorldDefinition["sky"]["sun"]; shadowMapSize: number }) {
  const light = useRef<DirectionalLight>(null);
  const sunward = useMemo(() => towardsSun(sun.direction), [sun.direction]);
  const axes = useMemo(() => lightAxes(sunward), [sunward]);

  useEffect(() => {
    const l = light.current;
    if (!l) return;
    const cam = l.shadow.camera;
    cam.left = cam.bottom = -SHADOW_HALF_EXTENT;
    cam.right = cam.top = SHADOW_HALF_EXTENT;
    cam.near = 1;
    cam.far = SUN_DISTANCE * 2.5;
    cam.updateProjectionMatrix();
    l.shadow.mapSize.set(shadowMapSize, shadowMapSize);
    l.shadow.map?.dispose();
    l.shadow.map = null;
    l.shadow.bias = -0.0004;
    l.shadow.normalBias = 0.03;
    l.shadow.radius = 4;
    l.shadow.needsUpdate = true;
  }, [shadowMapSize]);

  useFrame(({ camera }) => {
    const l = light.current;
    if (!l) return;
    camera.getWorldDirection(ahead);
    ahead.y = 0;
    if (ahead.lengthSq() > 1e-6) ahead.normalize();
    focus.copy(camera.position).addScaledVector(ahead, FOCUS_AHEAD);
    focus.y = 0;
    snapToTexels(focus, axes, (SHADOW_HALF_EXTENT * 2) / shadowMapSize);
    l.target.position.copy(focus);
    l.target.updateMatrixWorld();
    l.position.copy(focus).addScaledVector(sunward, SUN_DISTANCE);
  });

  return <directionalLight ref={light} color={sun.color} intensity={sun.intensity} castShadow />;
}
