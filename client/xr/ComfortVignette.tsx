import { useEffect, useMemo } from "react";
import { useFrame, useThree } from "@react-three/fiber";
import { DoubleSide, Mesh, MeshBasicMaterial, RingGeometry } from "three";
import { FRAME_ORDER } from "../frame/order";
import { vignetteEnabled } from "./comfortSetting";

/** Artificial motion this frame (1 while the stick walks or turns, else 0), written by XrPlayer. */
export interface Comfort {
  motion: number;
}

/** Distance of the vignette in front of the eyes, metres; its clear centre spans about 50°. */
const DISTANCE = 0.3;
const CLEAR_RADIUS = 0.14;
const MAX_OPACITY = 0.85;
/** Fade rate, per second: quick to close when motion starts, gentle to open after. */
const CLOSE_RATE = 10;
const OPEN_RATE = 3;

/**
 * Darkens the edge of the view while the stick moves or turns the player (vection there is what
 * makes people sick); real head motion never triggers it. Off with the comfort setting.
 */
export function ComfortVignette({ comfort }: { comfort: Comfort }) {
  const xrCamera = useThree((s) => s.gl.xr.getCamera());
  const enabled = useMemo(vignetteEnabled, []);
  const mesh = useMemo(() => {
    const material = new MeshBasicMaterial({ color: "#000000", transparent: true, opacity: 0, depthTest: false, depthWrite: false, side: DoubleSide });
    const ring = new Mesh(new RingGeometry(CLEAR_RADIUS, 2, 48), material);
    ring.position.set(0, 0, -DISTANCE);
    ring.renderOrder = 1000;
    ring.frustumCulled = false;
    ring.visible = false;
    return ring;
  }, []);

  useEffect(() => {
    if (!enabled) return;
    xrCamera.add(mesh);
    return () => {
      xrCamera.remove(mesh);
    };
  }, [enabled, xrCamera, mesh]);
  useEffect(
    () => () => {
      mesh.geometry.dispose();
      mesh.material.dispose();
    },
    [mesh],
  );

  useFrame((_, delta) => {
    if (!enabled) return;
    const target = comfort.motion * MAX_OPACITY;
    const material = mesh.material;
    const rate = target > material.opacity ? CLOSE_RATE : OPEN_RATE;
    material.opacity += (target - material.opacity) * Math.min(1, delta * rate);
    mesh.visible = material.opacity > 0.01;
  }, FRAME_ORDER.draw);

  return null;
}
