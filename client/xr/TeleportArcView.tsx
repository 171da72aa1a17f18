import { useEffect, useMemo } from "react";
import { useFrame } from "@react-three/fiber";
import { BufferAttribute, BufferGeometry, Color, Line, LineBasicMaterial, Mesh, MeshBasicMaterial, RingGeometry } from "three";
import { FRAME_ORDER } from "../frame/order";
import type { Arc } from "./teleportArc";
import { xrStatus } from "./xrStatus";

const VALID = new Color("#5fe3a1");
const REFUSED = new Color("#ff5a5a");
/** Lifted off the ground so the ring never flickers into it. */
const RING_LIFT = 0.02;

/** The teleport arc while aiming, green over walkable ground and red elsewhere, with a ring where it lands. */
export function TeleportArcView({ arc }: { arc: Arc }) {
  const parts = useMemo(() => {
    const geometry = new BufferGeometry();
    // The arc's own buffer is the line's: tracing it is drawing it.
    geometry.setAttribute("position", new BufferAttribute(arc.points, 3));
    const lineMaterial = new LineBasicMaterial({ color: VALID });
    const line = new Line(geometry, lineMaterial);
    line.frustumCulled = false;
    const ringMaterial = new MeshBasicMaterial({ color: VALID, transparent: true, opacity: 0.85, depthWrite: false });
    const ring = new Mesh(new RingGeometry(0.25, 0.34, 32), ringMaterial);
    ring.rotation.x = -Math.PI / 2;
    return { geometry, line, lineMaterial, ring, ringMaterial };
  }, [arc]);

  useEffect(
    () => () => {
      parts.geometry.dispose();
      parts.lineMaterial.dispose();
      parts.ring.geometry.dispose();
      parts.ringMaterial.dispose();
    },
    [parts],
  );

  useFrame(() => {
    const { aiming, valid } = xrStatus.teleport;
    const shown = aiming && arc.count > 1;
    parts.line.visible = shown;
    parts.ring.visible = shown && arc.landed;
    if (!shown) return;
    const colour = valid ? VALID : REFUSED;
    parts.lineMaterial.color.copy(colour);
    parts.ringMaterial.color.copy(colour);
    parts.geometry.setDrawRange(0, arc.count);
    parts.geometry.attributes.position!.needsUpdate = true;
    const last = (arc.count - 1) * 3;
    parts.ring.position.set(arc.points[last]!, arc.points[last + 1]! + RING_LIFT, arc.points[last + 2]!);
  }, FRAME_ORDER.draw);

  return (
    <>
      <primitive object={parts.line} />
      <primitive object={parts.ring} />
    </>
  );
}
