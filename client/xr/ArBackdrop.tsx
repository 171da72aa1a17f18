import { useEffect, useRef } from "react";
import { useFrame, useThree } from "@react-three/fiber";
import type { Color, Fog, FogExp2, Object3D, Texture } from "three";
import { FRAME_ORDER } from "../frame/order";
import { BACKDROP_NAME } from "../world";
import { xrStatus } from "./xrStatus";

/**
 * Passthrough (immersive-ar): the real room replaces the sky and the ground, so they are not
 * drawn, the background is cleared to transparent and the fog (which would tint the real room)
 * is lifted. Checked every frame, since a new world mounts a new backdrop; all of it comes back
 * when the session ends.
 */
export function ArBackdrop() {
  const scene = useThree((s) => s.scene);
  const saved = useRef<{ background: Color | Texture | null; fog: Fog | FogExp2 | null; backdrop: Object3D | null }>({
    background: null,
    fog: null,
    backdrop: null,
  });

  useFrame(() => {
    const kept = saved.current;
    if (scene.background) {
      kept.background = scene.background as Color | Texture;
      scene.background = null;
    }
    if (scene.fog) {
      kept.fog = scene.fog;
      scene.fog = null;
    }
    // Looked up again only when the world (and its backdrop) was replaced.
    if (!kept.backdrop?.parent) kept.backdrop = scene.getObjectByName(BACKDROP_NAME) ?? null;
    if (kept.backdrop) kept.backdrop.visible = false;
    xrStatus.backdropHidden = kept.backdrop !== null && scene.background === null;
  }, FRAME_ORDER.draw);

  useEffect(
    () => () => {
      const kept = saved.current;
      if (kept.backdrop) kept.backdrop.visible = true;
      if (!scene.background) scene.background = kept.background;
      if (!scene.fog) scene.fog = kept.fog;
      xrStatus.backdropHidden = false;
    },
    [scene],
  );
  return null;
}
