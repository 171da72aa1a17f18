/**
 * Accumulates one skinned mesh: vertices with normals and up to four bone weights, triangles
 * grouped by material (one glTF primitive each), and relative morph targets by name.
 */
import { BufferGeometry, Float32BufferAttribute, Matrix4, SkinnedMesh, Uint16BufferAttribute, type Material, type Skeleton } from "three";
import type { Vec3 } from "./math";

/** [bone index, weight] pairs; normalised and trimmed to four when added. */
export type BoneWeights = ReadonlyArray<readonly [number, number]>;

export class MeshBuilder {
  private readonly positions: number[] = [];
  private readonly normals: number[] = [];
  private readonly joints: number[] = [];
  private readonly weights: number[] = [];
  private readonly groups = new Map<string, number[]>();
  private readonly morphs = new Map<string, Map<number, Vec3>>();

  constructor(readonly name: string) {}

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  position(index: number): Vec3 {
    return [this.positions[index * 3]!, this.positions[index * 3 + 1]!, this.positions[index * 3 + 2]!];
  }

  addVertex(p: Vec3, n: Vec3, weights: BoneWeights): number {
    this.positions.push(p[0], p[1], p[2]);
    this.normals.push(n[0], n[1], n[2]);
    const top = [...weights].filter(([, w]) => w > 1e-4).sort((a, b) => b[1] - a[1]).slice(0, 4);
    const total = top.reduce((s, [, w]) => s + w, 0);
    for (let i = 0; i < 4; i++) {
      const entry = top[i];
      this.joints.push(entry ? entry[0] : 0);
      this.weights.push(entry ? entry[1] / total : 0);
    }
    return this.vertexCount - 1;
  }

  setNormal(index: number, n: Vec3): void {
    this.normals[index * 3] = n[0];
    this.normals[index * 3 + 1] = n[1];
    this.normals[index * 3 + 2] = n[2];
  }

  addTriangle(material: string, a: number, b: number, c: number): void {
    let list = this.groups.get(material);
    if (!list) this.groups.set(material, (list = []));
    list.push(a, b, c);
  }

  /** Records a morph offset (relative to the rest position) for one vertex. */
  setMorph(name: string, vertex: number, delta: Vec3): void {
    let target = this.morphs.get(name);
    if (!target) this.morphs.set(name, (target = new Map()));
    target.set(vertex, delta);
  }

  hasMorph(name: string): boolean {
    return this.morphs.has(name);
  }

  /**
   * Builds the skinned mesh. `materials` fixes the primitive order; `morphOrder` fixes morph
   * target indices (targets listed there but never set stay all-zero).
   */
  build(materials: ReadonlyMap<string, Material>, skeleton: Skeleton, morphOrder: readonly string[] = []): SkinnedMesh {
    const geometry = new BufferGeometry();
    geometry.setAttribute("position", new Float32BufferAttribute(this.positions, 3));
    geometry.setAttribute("normal", new Float32BufferAttribute(this.normals, 3));
    geometry.setAttribute("skinIndex", new Uint16BufferAttribute(this.joints, 4));
    geometry.setAttribute("skinWeight", new Float32BufferAttribute(this.weights, 4));
    const indices: number[] = [];
    const used: Material[] = [];
    for (const [name, material] of materials) {
      const tris = this.groups.get(name);
      if (!tris) continue;
      geometry.addGroup(indices.length, tris.length, used.length);
      used.push(material);
      indices.push(...tris);
    }
    for (const name of this.groups.keys()) {
      if (!materials.has(name)) throw new Error(`mesh ${this.name} uses unknown material ${name}`);
    }
    geometry.setIndex(indices);
    if (morphOrder.length > 0) {
      // Offsets are relative: without this flag GLTFExporter subtracts the base again.
      geometry.morphTargetsRelative = true;
      geometry.morphAttributes.position = morphOrder.map((name) => {
        const data = new Float32Array(this.positions.length);
        for (const [vertex, d] of this.morphs.get(name) ?? []) data.set(d, vertex * 3);
        const attribute = new Float32BufferAttribute(data, 3);
        attribute.name = name;
        return attribute;
      });
    }
    const mesh = new SkinnedMesh(geometry, used);
    mesh.name = this.name;
    if (morphOrder.length > 0) {
      mesh.updateMorphTargets();
      mesh.morphTargetDictionary = Object.fromEntries(morphOrder.map((name, i) => [name, i]));
      mesh.morphTargetInfluences = morphOrder.map(() => 0);
    }
    mesh.bind(skeleton, new Matrix4());
    return mesh;
  }
}
