import { useEffect, useMemo, useRef } from "react";
import type { Mesh } from "three";
import type { PrimitiveProp } from "../../shared/world";
import { primitiveGeometry } from "./primitiveGeometry";
import { castsShadow, createPropMaterial } from "./propMaterial";
import { registerSolid } from "./solidObjects";
import { DEG } from "./units";

/** One prop drawn on its own: transparent props, which must be sorted one by one. */
export function PrimitivePropMesh({ prop }: { prop: PrimitiveProp }) {
  const mesh = useRef<Mesh>(null);
  const geometry = useMemo(() => primitiveGeometry(prop.shape, prop.size), [prop.shape, prop.size]);
  const material = useMemo(() => createPropMaterial(prop.material), [prop.material]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => (prop.solid && mesh.current ? registerSolid(mesh.current) : undefined), [prop.solid]);

  const [rx, ry, rz] = prop.rotation;
  return (
    <mesh
      ref={mesh}
      geometry={geometry}
      material={material}
      position={prop.position}
      rotation={[rx * DEG, ry * DEG, rz * DEG]}
      scale={prop.scale}
      castShadow={castsShadow(prop)}
      receiveShadow={prop.receiveShadow}
    />
  );
}
