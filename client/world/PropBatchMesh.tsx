import { useEffect, useMemo, useRef } from "react";
import type { Mesh } from "three";
import type { PropBatch } from "./propBatches";
import { createPropMaterial } from "./propMaterial";
import { registerSolid } from "./solidObjects";

/** One merged group of props (see propBatches), drawn in a single call. */
export function PropBatchMesh({ batch }: { batch: PropBatch }) {
  const mesh = useRef<Mesh>(null);
  const material = useMemo(() => createPropMaterial(batch.material), [batch.material]);
  useEffect(() => () => material.dispose(), [material]);
  useEffect(() => () => batch.geometry.dispose(), [batch.geometry]);
  useEffect(() => (batch.solid && mesh.current ? registerSolid(mesh.current) : undefined), [batch.solid]);
  return (
    <mesh
      ref={mesh}
      geometry={batch.geometry}
      material={material}
      castShadow={batch.castShadow}
      receiveShadow={batch.receiveShadow}
    />
  );
}
