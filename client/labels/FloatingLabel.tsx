import { useRef, type ReactNode, type RefObject } from "react";
import { useFrame } from "@react-three/fiber";
import { Html } from "@react-three/drei";
import { Vector3, type Group } from "three";
import { labelLayer } from "./LabelLayer";
import { labelLook, type LabelFit, type LabelLook } from "./labelScale";

const where = new Vector3();
const facing = new Vector3();

/**
 * HTML floating at a point in the world (names, bubbles, signs): sized by distance within
 * limits, optionally shown only within a range, and never in the way of mouse look.
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
  const box = useRef<HTMLDivElement>(null);
  const shown = useRef<LabelLook>({ scale: -1, opacity: -1 });
  const next = useRef<LabelLook>({ scale: 1, opacity: 1 });

  useFrame(({ camera }) => {
    const element = box.current;
    if (!anchor.current || !element) return;
    anchor.current.getWorldPosition(where);
    const look = labelLook(where.distanceTo(camera.position), fit, next.current);
    // Html projects points behind the camera onto the screen mirrored: hide those.
    camera.getWorldDirection(facing);
    if (where.sub(camera.position).dot(facing) <= 0) look.opacity = 0;
    if (look.scale !== shown.current.scale) {
      element.style.transform = `scale(${look.scale})`;
      shown.current.scale = look.scale;
    }
    if (look.opacity !== shown.current.opacity) {
      element.style.opacity = String(look.opacity);
      element.style.visibility = look.opacity === 0 ? "hidden" : "visible";
      shown.current.opacity = look.opacity;
    }
  });

  return (
    <group ref={anchor} position={position}>
      <Html center zIndexRange={[layer, 0]} style={{ pointerEvents: "none" }} portal={labelLayer as RefObject<HTMLElement>}>
        <div ref={box} className="floating-label" style={{ opacity: 0 }}>
          {children}
        </div>
      </Html>
    </group>
  );
}
