import { z } from "zod";
import { describeZodError } from "../validation";
import { invalidFile } from "./avatarError";

const index = z.number().int().min(0);

/**
 * The parts of a glTF document that decide whether Kindred accepts it; everything else passes
 * through untouched (three's loader reads it in the browser).
 */
export const GltfDocument = z.object({
  asset: z.object({ version: z.string().regex(/^2\.\d+$/, "must be a glTF 2.x version such as 2.0") }),
  extensionsUsed: z.array(z.string()).optional(),
  extensionsRequired: z.array(z.string()).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(z.record(z.string(), z.unknown())).optional(),
  buffers: z.array(z.object({ byteLength: z.number().int().min(1), uri: z.string().optional() })).optional(),
  bufferViews: z.array(z.object({ buffer: index, byteOffset: index.optional(), byteLength: z.number().int().min(1) })).optional(),
  images: z.array(z.object({ uri: z.string().optional(), bufferView: index.optional() })).optional(),
});
export type GltfDocument = z.infer<typeof GltfDocument>;

export function parseGltfDocument(json: unknown): GltfDocument {
  const parsed = GltfDocument.safeParse(json);
  if (!parsed.success) throw invalidFile(`the glTF JSON is malformed: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

function shortUri(uri: string): string {
  return uri.length > 60 ? `${uri.slice(0, 60)}…` : uri;
}

/**
 * Everything the document refers to must lie inside the file's own BIN chunk. External URIs are
 * refused because every client in a room would fetch them (a tracking beacon, or a file that is
 * gone tomorrow) and nothing here could check what they hold. data: URIs are refused too: VRM
 * exporters never write them, they hide binary data inside the JSON where no bounds check reaches,
 * and one rule ("only bufferViews into the BIN chunk") is one that can be checked completely.
 */
export function checkEverythingEmbedded(doc: GltfDocument, bin: Uint8Array | undefined): void {
  const buffers = doc.buffers ?? [];
  buffers.forEach((buffer, i) => {
    if (buffer.uri !== undefined) {
      if (buffer.uri.startsWith("data:")) throw invalidFile(`buffer ${i} is a data: URI; its bytes must be in the file's BIN chunk`);
      throw invalidFile(`buffer ${i} points outside the file (${shortUri(buffer.uri)})`);
    }
    if (i > 0) throw invalidFile(`buffer ${i} has no data: only buffer 0 can stand for the file's BIN chunk`);
    if (!bin) throw invalidFile("buffer 0 refers to the BIN chunk, but the file has no BIN chunk");
    if (buffer.byteLength > bin.byteLength) {
      throw invalidFile(`buffer 0 says ${buffer.byteLength} bytes but the BIN chunk has only ${bin.byteLength}`);
    }
  });
  const views = doc.bufferViews ?? [];
  views.forEach((view, i) => {
    const buffer = buffers[view.buffer];
    if (!buffer) throw invalidFile(`bufferView ${i} refers to buffer ${view.buffer}, which does not exist`);
    if ((view.byteOffset ?? 0) + view.byteLength > buffer.byteLength) {
      throw invalidFile(`bufferView ${i} reaches past the end of buffer ${view.buffer}`);
    }
  });
  (doc.images ?? []).forEach((image, i) => {
    if (image.uri !== undefined) {
      if (image.uri.startsWith("data:")) throw invalidFile(`image ${i} is a data: URI; images must be stored in the file's BIN chunk`);
      throw invalidFile(`image ${i} points outside the file (${shortUri(image.uri)})`);
    }
    if (image.bufferView === undefined) throw invalidFile(`image ${i} has neither a bufferView nor a uri`);
    if (!views[image.bufferView]) throw invalidFile(`image ${i} refers to bufferView ${image.bufferView}, which does not exist`);
  });
}

/** Required extensions whose data only a decoder Kindred's web client does not load can read. */
const UNDECODABLE: Record<string, string> = {
  KHR_draco_mesh_compression: "Draco-compressed meshes",
  EXT_meshopt_compression: "meshopt-compressed data",
  KHR_meshopt_compression: "meshopt-compressed data",
  KHR_texture_basisu: "Basis Universal (KTX2) textures",
};

/** Refuses files every viewer would fail to load: they need a decoder the client does not ship. */
export function checkRequiredExtensions(doc: GltfDocument): void {
  for (const extension of doc.extensionsRequired ?? []) {
    const what = UNDECODABLE[extension];
    if (what) throw invalidFile(`the file requires ${extension} (${what}), which Kindred cannot decode: export it without that compression`);
  }
}
