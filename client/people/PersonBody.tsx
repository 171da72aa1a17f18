import { useEffect, useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import { Color, MeshStandardMaterial, type Group } from "three";
import { BODY, bodyGeometry } from "./bodyParts";

/** The pose a body is drawn at; owned and mutated by whoever moves the body. */
export interface BodyPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
  /** Head pitch, radians, positive looks down. */
  pitch: number;
  /** Ground speed, m/s: drives the walk bob and hand swing. */
  speed: number;
}

const EYE_MATERIAL = new MeshStandardMaterial({ color: "#1d2130", roughness: 0.3 });
const CHEEK_MATERIAL = new MeshStandardMaterial({ color: "#f29a8e", roughness: 0.8, transparent: true, opacity: 0.55 });
const WALK_CYCLES_PER_METRE = 1.4;

/**
 * A friendly placeholder person, drawn while a VRM loads (or when none can be): a rounded body
 * in the user's colour, a light head with eyes that show which way they face, and hands that
 * swing as they walk. Faces +Z at yaw 0.
 */
export function PersonBody({ pose, color, faded = false }: { pose: BodyPose; color: string; faded?: boolean }) {
  const root = useRef<Group>(null);
  const bob = useRef<Group>(null);
  const head = useRef<Group>(null);
  const leftHand = useRef<Group>(null);
  const rightHand = useRef<Group>(null);
  const phase = useRef(0);

  const materials = useMemo(() => {
    const base = new Color(color);
    const opacity = faded ? 0.45 : 1;
    const make = (c: Color, roughness: number) =>
      new MeshStandardMaterial({ color: c, roughness, transparent: faded, opacity, depthWrite: !faded });
    return {
      body: make(base, 0.55),
      head: make(base.clone().lerp(new Color("#fff3e6"), 0.72), 0.6),
      accent: make(base.clone().multiplyScalar(0.55), 0.5),
    };
  }, [color, faded]);
  useEffect(
    () => () => {
      materials.body.dispose();
      materials.head.dispose();
      materials.accent.dispose();
    },
    [materials],
  );

  useFrame((_, delta) => {
    const r = root.current;
    // Hidden (PersonAvatar hides the placeholder once the VRM is drawn): nothing to pose.
    if (!r || r.parent?.visible === false) return;
    r.position.set(pose.x, pose.y, pose.z);
    r.rotation.y = pose.yaw;
    const walking = Math.min(pose.speed / 2.2, 1.6);
    phase.current += delta * pose.speed * WALK_CYCLES_PER_METRE * Math.PI * 2;
    const swing = Math.sin(phase.current) * 0.22 * Math.min(walking, 1);
    if (bob.current) bob.current.position.y = Math.abs(Math.cos(phase.current)) * 0.045 * Math.min(walking, 1);
    if (head.current) head.current.rotation.x = pose.pitch * 0.6;
    if (leftHand.current) leftHand.current.position.z = swing;
    if (rightHand.current) rightHand.current.position.z = -swing;
  });

  const cast = !faded;
  return (
    <group ref={root}>
      <group ref={bob}>
        <mesh geometry={bodyGeometry.torso} material={materials.body} castShadow={cast} receiveShadow />
        <group ref={head} position-y={BODY.headY}>
          <mesh geometry={bodyGeometry.head} material={materials.head} castShadow={cast} receiveShadow />
          <mesh geometry={bodyGeometry.eye} material={EYE_MATERIAL} position={[-0.08, 0.035, BODY.headRadius - 0.018]} />
          <mesh geometry={bodyGeometry.eye} material={EYE_MATERIAL} position={[0.08, 0.035, BODY.headRadius - 0.018]} />
          <mesh geometry={bodyGeometry.cheek} material={CHEEK_MATERIAL} position={[-0.125, -0.035, BODY.headRadius - 0.04]} />
          <mesh geometry={bodyGeometry.cheek} material={CHEEK_MATERIAL} position={[0.125, -0.035, BODY.headRadius - 0.04]} />
        </group>
        <group ref={leftHand} position={[BODY.radius + 0.07, 0.72, 0]}>
          <mesh geometry={bodyGeometry.hand} material={materials.accent} castShadow={cast} />
        </group>
        <group ref={rightHand} position={[-(BODY.radius + 0.07), 0.72, 0]}>
          <mesh geometry={bodyGeometry.hand} material={materials.accent} castShadow={cast} />
        </group>
      </group>
    </group>
  );
}
