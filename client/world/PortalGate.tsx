import { useEffect, useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { BufferAttribute, BufferGeometry, type Group } from "three";
import type { Portal } from "../../shared/world";
import { FloatingLabel, type LabelFit } from "../labels";
import { createGroundGlowMaterial, createSparkMaterial, createVeilMaterial } from "./portalMaterials";
import { seededRandom } from "./seededRandom";
import { registerSolid } from "./solidObjects";

const RING_RADIUS = 1.25;
const LABEL_FIT: LabelFit = { naturalAt: 8, minScale: 0.55, maxScale: 1.1 };
const SPARKS = 36;

/**
 * A portal: a glowing standing ring with a swirling veil, sparks, and a glowing trigger circle
 * on the ground. It faces its own exit point (where travellers arriving through it stand), or
 * `faceTowards` (the spawn) when the exit is on top of it.
 */
export function PortalGate({ portal, faceTowards }: { portal: Portal; faceTowards: readonly [number, number] }) {
  const [px, py, pz] = portal.position;
  const [ex, , ez] = portal.exit.position;
  const towards = Math.hypot(ex - px, ez - pz) > 0.5 ? [ex, ez] : faceTowards;
  const yaw = Math.atan2(towards[0]! - px, towards[1]! - pz);
  const veil = useMemo(() => createVeilMaterial(portal.color), [portal.color]);
  const sparks = useMemo(() => createSparkMaterial(portal.color, RING_RADIUS), [portal.color]);
  const glow = useMemo(() => createGroundGlowMaterial(portal.color), [portal.color]);
  const sparkGeometry = useMemo(() => {
    const random = seededRandom(portal.id.length * 131 + SPARKS);
    const seeds = new Float32Array(SPARKS);
    for (let i = 0; i < SPARKS; i++) seeds[i] = random();
    const geometry = new BufferGeometry();
    geometry.setAttribute("seed", new BufferAttribute(seeds, 1));
    // The shader places every spark; three still wants a position attribute to draw points.
    geometry.setAttribute("position", new BufferAttribute(new Float32Array(SPARKS * 3), 3));
    return geometry;
  }, [portal.id]);
  useEffect(
    () => () => {
      veil.dispose();
      sparks.dispose();
      glow.dispose();
      sparkGeometry.dispose();
    },
    [veil, sparks, glow, sparkGeometry],
  );

  // Travellers arrive with the ring at their back: the camera must stop in front of it, not
  // look at them through the veil.
  const ring = useRef<Group>(null);
  useEffect(() => (ring.current ? registerSolid(ring.current) : undefined), []);

  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    veil.uniforms.time!.value = t;
    sparks.uniforms.time!.value = t;
    glow.uniforms.time!.value = t;
  });

  const ringCentre = RING_RADIUS + 0.15;
  return (
    <group position={[px, py, pz]} rotation-y={yaw}>
      <group ref={ring} position-y={ringCentre}>
        <mesh castShadow>
          <torusGeometry args={[RING_RADIUS, 0.085, 20, 72]} />
          <meshStandardMaterial color={portal.color} emissive={portal.color} emissiveIntensity={2.2} roughness={0.35} metalness={0.1} />
        </mesh>
        <mesh material={veil}>
          <circleGeometry args={[RING_RADIUS - 0.04, 48]} />
        </mesh>
      </group>
      <points geometry={sparkGeometry} material={sparks} frustumCulled={false} />
      <mesh rotation-x={-Math.PI / 2} position-y={0.02} material={glow}>
        <planeGeometry args={[portal.radius * 2.2, portal.radius * 2.2]} />
      </mesh>
      <mesh position-y={0.06} receiveShadow>
        <cylinderGeometry args={[RING_RADIUS * 0.9, RING_RADIUS, 0.12, 40]} />
        <meshStandardMaterial color="#d9d4c7" roughness={0.7} />
      </mesh>
      <FloatingLabel position={[0, ringCentre * 2 + 0.45, 0]} fit={LABEL_FIT} layer={20}>
        <div className="world-label portal-label" style={{ borderColor: portal.color }}>
          <span style={{ color: portal.color }}>◈</span>
          {portal.label}
        </div>
      </FloatingLabel>
    </group>
  );
}
