import { Euler, Matrix4, Quaternion, Vector3, type BufferGeometry } from "three";
import { mergeGeometries } from "three/examples/jsm/utils/BufferGeometryUtils.js";
import type { PrimitiveProp } from "../../shared/world";
import { primitiveGeometry } from "./primitiveGeometry";
import { castsShadow, isTransparent } from "./propMaterial";
import { DEG } from "./units";

/** Opaque primitive props that share a material and flags, merged into one mesh. */
export interface PropBatch {
  key: string;
  geometry: BufferGeometry;
  material: PrimitiveProp["material"];
  castShadow: boolean;
  receiveShadow: boolean;
  solid: boolean;
  count: number;
}

const matrix = new Matrix4();
const position = new Vector3();
const rotation = new Quaternion();
const euler = new Euler();
const scale = new Vector3();

/** The world transform a prop's position, rotation (degrees, XYZ) and scale describe. */
function propMatrix(prop: Pick<PrimitiveProp, "position" | "rotation" | "scale">, out = new Matrix4()): Matrix4 {
  position.fromArray(prop.position);
  euler.set(prop.rotation[0] * DEG, prop.rotation[1] * DEG, prop.rotation[2] * DEG, "XYZ");
  rotation.setFromEuler(euler);
  scale.fromArray(prop.scale);
  return out.compose(position, rotation, scale);
}

/**
 * Groups opaque primitive props by material and flags and bakes each group into one geometry:
 * a world of 250 props draws in a few dozen calls, which a software renderer needs. Transparent
 * props stay separate (they must be sorted back to front one by one).
 */
export function batchPrimitiveProps(props: readonly PrimitiveProp[]): { batches: PropBatch[]; separate: PrimitiveProp[] } {
  const groups = new Map<string, { sample: PrimitiveProp; geometries: BufferGeometry[] }>();
  const separate: PrimitiveProp[] = [];
  for (const prop of props) {
    if (isTransparent(prop.material)) {
      separate.push(prop);
      continue;
    }
    const key = `${JSON.stringify(prop.material)}|${castsShadow(prop)}|${prop.receiveShadow}|${prop.solid}`;
    const geometry = primitiveGeometry(prop.shape, prop.size).applyMatrix4(propMatrix(prop, matrix));
    const group = groups.get(key);
    if (group) group.geometries.push(geometry);
    else groups.set(key, { sample: prop, geometries: [geometry] });
  }
  const batches: PropBatch[] = [];
  for (const [key, { sample, geometries }] of groups) {
    const merged = geometries.length === 1 ? geometries[0]! : mergeGeometries(geometries);
    if (!merged) throw new Error(`props with material ${JSON.stringify(sample.material)} could not be merged`);
    if (merged !== geometries[0]) for (const g of geometries) g.dispose();
    merged.computeBoundingSphere();
    batches.push({
      key,
      geometry: merged,
      material: sample.material,
      castShadow: castsShadow(sample),
      receiveShadow: sample.receiveShadow,
      solid: sample.solid,
      count: geometries.length,
    });
  }
  return { batches, separate };
}
