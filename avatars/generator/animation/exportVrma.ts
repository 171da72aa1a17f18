/** Exports a clip description as VRMA GLB bytes through GLTFExporter and the VRMA plugin. */
import { GLTFExporter } from "three/examples/jsm/exporters/GLTFExporter.js";
import { installFileReader } from "../nodePolyfills";
import { bakeClip } from "./bakeClip";
import type { ClipDescription } from "./clipDescription";
import { referenceSkeleton } from "./referenceSkeleton";
import { VrmaExporterPlugin } from "./vrmaPlugin";

export async function generateVrma(clip: ClipDescription): Promise<Uint8Array> {
  installFileReader();
  const { root, rig } = referenceSkeleton();
  const humanBones = new Map(rig.humanoid.map((name) => [name, rig.bone(name)] as const));
  const animation = bakeClip(clip, rig.world("hips"));
  const exporter = new GLTFExporter();
  exporter.register((writer) => new VrmaExporterPlugin(writer as never, humanBones) as never);
  const result = await exporter.parseAsync(root, { binary: true, animations: [animation] });
  if (!(result instanceof ArrayBuffer)) throw new Error("GLTFExporter returned JSON instead of GLB bytes");
  return new Uint8Array(result);
}
