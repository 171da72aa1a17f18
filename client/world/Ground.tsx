import { useEffect, useMemo } from "react";
import type { WorldDefinition } from "../../shared/world";
import { createGroundTexture } from "./groundTexture";

/** How far the plain apron around the ground reaches: well past any fog. */
const APRON_REACH = 600;
/**
 * Drawn after the props and people standing on it, so the depth test skips the ground pixels
 * they cover instead of shading them twice (the largest cost of a frame in software).
 */
const GROUND_RENDER_ORDER = 1;

/**
 * The patterned ground, and a plain apron around it so the horizon fades into fog, not a void.
 * The apron is four strips around the ground, not a plane under it: drawing both would shade
 * every ground pixel twice.
 */
export function Ground({ ground, anisotropy }: { ground: WorldDefinition["ground"]; anisotropy: number }) {
  const texture = useMemo(() => createGroundTexture(ground, anisotropy), [ground, anisotropy]);
  useEffect(() => () => texture?.dispose(), [texture]);
  const [width, depth] = ground.size;
  const strips = useMemo(() => apronStrips(width, depth), [width, depth]);
  return (
    <group>
      <mesh rotation-x={-Math.PI / 2} receiveShadow name="ground" renderOrder={GROUND_RENDER_ORDER}>
        <planeGeometry args={[width, depth]} />
        <meshStandardMaterial color={texture ? "#ffffff" : ground.color} map={texture} roughness={0.92} metalness={0} />
      </mesh>
      {strips.map(([x, z, w, d], i) => (
        <mesh key={i} rotation-x={-Math.PI / 2} position={[x, 0, z]} receiveShadow renderOrder={GROUND_RENDER_ORDER}>
          <planeGeometry args={[w, d]} />
          <meshStandardMaterial color={ground.patternColor ?? ground.color} roughness={1} metalness={0} />
        </mesh>
      ))}
    </group>
  );
}

/** Four strips framing a width × depth rectangle at the origin: [centreX, centreZ, w, d] each. */
function apronStrips(width: number, depth: number): Array<[number, number, number, number]> {
  const outer = APRON_REACH * 2;
  const side = (outer - depth) / 2;
  const end = (outer - width) / 2;
  return [
    [0, -(depth / 2 + side / 2), outer, side],
    [0, depth / 2 + side / 2, outer, side],
    [-(width / 2 + end / 2), 0, end, depth],
    [width / 2 + end / 2, 0, end, depth],
  ];
}
