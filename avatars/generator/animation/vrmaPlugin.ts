/**
 * A GLTFExporter plugin that makes the exported glTF a VRM animation: in afterParse it writes the
 * VRMC_vrm_animation extension, mapping each humanoid bone to its node through the writer's node
 * map (like the VRM plugin does for VRMC_vrm).
 */
import type { Object3D } from "three";

interface Writer {
  json: { extensions?: Record<string, unknown> } & Record<string, unknown>;
  nodeMap: Map<Object3D, number>;
  extensionsUsed: Record<string, boolean>;
}

export class VrmaExporterPlugin {
  readonly name = "VRMC_vrm_animation";

  constructor(
    private readonly writer: Writer,
    private readonly humanBones: ReadonlyMap<string, Object3D>,
  ) {}

  afterParse(): void {
    const humanBones: Record<string, { node: number }> = {};
    for (const [name, bone] of this.humanBones) {
      const node = this.writer.nodeMap.get(bone);
      if (node === undefined) throw new Error(`bone ${name} was not exported`);
      humanBones[name] = { node };
    }
    (this.writer.json.extensions ??= {}).VRMC_vrm_animation = { specVersion: "1.0", humanoid: { humanBones } };
    this.writer.extensionsUsed.VRMC_vrm_animation = true;
  }
}
