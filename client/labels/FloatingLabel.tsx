import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { useFrame } from "@react-three/fiber";
import { Vector3, type Group } from "three";
import { FRAME_ORDER } from "../frame/order";
import { labelLayer } from "./LabelLayer";
import { hiddenPlacement, placeLabel, writePlacement } from "./labelPlacement";
import type { LabelFit } from "./labelScale";

const where = new Vector3();

function createLabelElement(): HTMLDivElement {
  const element = document.createElement("div");
  element.className = "floating-label";
  element.style.opacity = "0";
  element.style.visibility = "hidden";
  return element;
}

/**
 * HTML floating at a point in the world (names, bubbles, signs): sized by distance within
 * limits, optionally shown only within a range, and never in the way of mouse look.
 *
 * Each label is one element in the label layer, placed once a frame from the camera's matrices
 * and restyled only when its place, size or opacity changed. (drei's Html, used before, updated
 * the camera's whole subtree for every label every frame, the audio listener's nine ramps
 * included, and rewrote every label's style whether it moved or not.) In a headset session the
 * page is not what the eyes see: labels hide and cost nothing.
 */
export function FloatingLabel({
  position,
  fit,
  layer = 10,
  children,
}: {
  position: [number, number, number];
  fit: LabelFit;
  /** Stacking among labels: bubbles above names above signs. */
  layer?: number;
  children: ReactNode;
}) {
  const anchor = useRef<Group>(null);
  const [element] = useState(createLabelElement);
  const root = useRef<Root | null>(null);
  const shown = useRef(hiddenPlacement());
  const next = useRef(hiddenPlacement());

  // The content lives in a React root of its own: page elements cannot be children of the scene.
  useLayoutEffect(() => {
    (labelLayer.current ?? document.body).appendChild(element);
    const own = createRoot(element);
    root.current = own;
    return () => {
      root.current = null;
      element.remove();
      own.unmount();
    };
  }, [element]);
  useLayoutEffect(() => {
    root.current?.render(children);
  }, [children]);

  useFrame(({ camera, size, gl }) => {
    const group = anchor.current;
    if (!group) return;
    const place = next.current;
    if (gl.xr.isPresenting) {
      place.opacity = 0;
    } else {
      // The camera alone, not its children (updateMatrixWorld would also move the audio listener).
      camera.updateWorldMatrix(true, false);
      group.updateWorldMatrix(true, false);
      where.setFromMatrixPosition(group.matrixWorld);
      placeLabel(where, camera, size.width, size.height, fit, layer, place);
    }
    writePlacement(element.style, place, shown.current);
  }, FRAME_ORDER.labels);

  return <group ref={anchor} position={position} />;
}
