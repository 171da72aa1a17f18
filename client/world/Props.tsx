import { useMemo } from "react";
import type { PrimitiveProp, Prop } from "../../shared/world";
import { AssetErrorBoundary } from "./AssetErrorBoundary";
import { GltfPropModel } from "./GltfPropModel";
import { batchPrimitiveProps } from "./propBatches";
import { PropBatchMesh } from "./PropBatchMesh";
import { PrimitivePropMesh } from "./PrimitivePropMesh";

/** The world's scenery: primitives merged into batches, transparent ones alone, glTF models. */
export function Props({ props }: { props: readonly Prop[] }) {
  const { batches, separate } = useMemo(
    () => batchPrimitiveProps(props.filter((p): p is PrimitiveProp => p.shape !== "gltf")),
    [props],
  );
  return (
    <>
      {batches.map((batch) => (
        <PropBatchMesh key={batch.key} batch={batch} />
      ))}
      {separate.map((prop, i) => (
        <PrimitivePropMesh key={i} prop={prop} />
      ))}
      {props.map((prop, i) =>
        prop.shape === "gltf" ? (
          <AssetErrorBoundary key={i} what={`worlds/assets/${prop.src}`}>
            <GltfPropModel prop={prop} />
          </AssetErrorBoundary>
        ) : null,
      )}
    </>
  );
}
