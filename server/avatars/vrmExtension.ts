import { z } from "zod";
import { describeZodError } from "../validation";
import { invalidFile } from "./avatarError";
import type { GltfDocument } from "./gltfDocument";

export type VrmVersion = "1.0" | "0.x";

/** What the VRM extension says about the model, once it passed every check. */
export interface VrmFacts {
  version: VrmVersion;
  /** The model's own name (1.0 `meta.name`, 0.x `meta.title`), when it has one. */
  title: string | undefined;
}

/** VRM 1.0 (VRMC_vrm, humanoid.md): the bones every model must map. */
export const VRM1_REQUIRED_BONES = [
  "hips",
  "spine",
  "head",
  "leftUpperArm",
  "leftLowerArm",
  "leftHand",
  "rightUpperArm",
  "rightLowerArm",
  "rightHand",
  "leftUpperLeg",
  "leftLowerLeg",
  "leftFoot",
  "rightUpperLeg",
  "rightLowerLeg",
  "rightFoot",
] as const;

/** VRM 0.x ("Defined bones" table) also requires chest and neck; 1.0 made them optional. */
export const VRM0_REQUIRED_BONES = [...VRM1_REQUIRED_BONES, "chest", "neck"] as const;

const nodeIndex = z.number().int().min(0);

const Vrm1Extension = z.object({
  specVersion: z.string().regex(/^1\.0(-beta)?$/, "must be 1.0"),
  meta: z.object({ name: z.string().optional() }).optional(),
  humanoid: z.object({ humanBones: z.record(z.string(), z.object({ node: nodeIndex })) }),
});

const Vrm0Extension = z.object({
  meta: z.object({ title: z.string().optional() }).optional(),
  humanoid: z.object({ humanBones: z.array(z.object({ bone: z.string(), node: nodeIndex })) }),
});

function parseExtension<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidFile(`the ${name} extension is malformed: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/**
 * The VRM extension of a glTF document: VRMC_vrm (1.0) when present, else VRM (0.x), listed in
 * extensionsUsed as the glTF spec requires, with every required humanoid bone mapped to a node
 * that exists.
 */
export function readVrmExtension(doc: GltfDocument): VrmFacts {
  const used = new Set(doc.extensionsUsed ?? []);
  const extensions = doc.extensions ?? {};
  const name = extensions.VRMC_vrm !== undefined ? "VRMC_vrm" : extensions.VRM !== undefined ? "VRM" : undefined;
  if (!name) {
    const listedOnly = ["VRMC_vrm", "VRM"].find((ext) => used.has(ext));
    if (listedOnly) throw invalidFile(`extensionsUsed lists ${listedOnly} but the file has no ${listedOnly} extension object`);
    throw invalidFile("not a VRM: the glTF has neither a VRMC_vrm (VRM 1.0) nor a VRM (VRM 0.x) extension; export the model as .vrm (e.g. from VRoid Studio)");
  }
  if (!used.has(name)) throw invalidFile(`the ${name} extension is not listed in extensionsUsed`);

  const nodeCount = doc.nodes?.length ?? 0;
  if (name === "VRMC_vrm") {
    const vrm = parseExtension(Vrm1Extension, extensions.VRMC_vrm, name);
    const bones = new Map(Object.entries(vrm.humanoid.humanBones).map(([bone, { node }]) => [bone, node]));
    checkBones(bones, VRM1_REQUIRED_BONES, nodeCount);
    return { version: "1.0", title: vrm.meta?.name };
  }
  const vrm = parseExtension(Vrm0Extension, extensions.VRM, name);
  const bones = new Map(vrm.humanoid.humanBones.map(({ bone, node }) => [bone, node]));
  checkBones(bones, VRM0_REQUIRED_BONES, nodeCount);
  return { version: "0.x", title: vrm.meta?.title };
}

function checkBones(bones: Map<string, number>, required: readonly string[], nodeCount: number): void {
  const missing = required.filter((bone) => !bones.has(bone));
  if (missing.length === 1) throw invalidFile(`missing humanoid bone ${missing[0]}`);
  if (missing.length > 1) throw invalidFile(`missing humanoid bones ${missing.join(", ")}`);
  for (const [bone, node] of bones) {
    if (node >= nodeCount) throw invalidFile(`humanoid bone ${bone} points to node ${node}, but the file has ${nodeCount} nodes`);
  }
}
