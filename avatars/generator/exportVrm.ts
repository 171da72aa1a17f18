/** Exports a built avatar as VRM 1.0 GLB bytes through GLTFExporter and the VRM plugin. */
import { GLTFExporter } from "three/examples/jsm/exporters/GLTFExporter.js";
import { buildAvatar } from "./buildAvatar";
import type { AvatarDescription } from "./description";
import { installFileReader } from "./nodePolyfills";
import { VrmExporterPlugin } from "./vrmPlugin";

export async function generateVrm(desc: AvatarDescription): Promise<Uint8Array> {
  installFileReader();
  const { scene, spec } = buildAvatar(desc);
  const exporter = new GLTFExporter();
  exporter.register((writer) => new VrmExporterPlugin(writer as never, spec) as never);
  const result = await exporter.parseAsync(scene, { binary: true, onlyVisible: false });
  if (!(result instanceof ArrayBuffer)) throw new Error("GLTFExporter returned JSON instead of GLB bytes");
  return new Uint8Array(result);
}
