import { useEffect, useMemo, useRef } from "react";
import { useGLTF } from "@react-three/drei";
import type { Group, Mesh, Object3D } from "three";
import type { Prop } from "../../shared/world";
import { registerSolid } from "./solidObjects";
import { DEG } from "./units";

type GltfPropSpec = Extract<Prop, { shape: "gltf" }>;

/** Where world assets are served (worlds/assets/ on the server). */
function assetUrl(src: string): string {
  return `/worlds/assets/${src}`;
}

/** A glTF prop from worlds/assets/. Suspends while loading: the loading screen counts it. */
export function GltfPropModel({ prop }: { prop: GltfPropSpec }) {
  // No Draco: its decoder would come from a CDN, and Kindred serves everything itself.
  const gltf = useGLTF(assetUrl(prop.src), false);
  const group = useRef<Group>(null);
  const scene = useMemo(() => {
    const copy = gltf.scene.clone(true);
    copy.traverse((object: Object3D) => {
      if ((object as Mesh).isMesh) {
        object.castShadow = prop.castShadow;
        object.receiveShadow = prop.receiveShadow;
      }
    });
    return copy;
  }, [gltf.scene, prop.castShadow, prop.receiveShadow]);
  useEffect(() => (prop.solid && group.current ? registerSolid(group.current) : undefined), [prop.solid]);

  const [rx, ry, rz] = prop.rotation;
  return (
    <group ref={group} position={prop.position} rotation={[rx * DEG, ry * DEG, rz * DEG]} scale={prop.scale}>
      <primitive object={scene} />
    </group>
  );
}
