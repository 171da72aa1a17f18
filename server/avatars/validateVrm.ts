import { invalidFile, tooLarge } from "./avatarError";
import { readGlb } from "./glbContainer";
import { checkEverythingEmbedded, checkRequiredExtensions, parseGltfDocument } from "./gltfDocument";
import { readVrmExtension, type VrmFacts } from "./vrmExtension";

/**
 * Checks an uploaded file is a VRM (0.x or 1.0) Kindred can show to everyone in a room: within
 * the size cap, a well-formed glTF binary, a VRM extension with the required humanoid bones,
 * nothing outside the file, and no compression the web client cannot decode. Throws an
 * AvatarError naming the first problem found.
 */
export function validateVrm(bytes: Uint8Array, maxBytes: number): VrmFacts {
  if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength, maxBytes);
  if (bytes.byteLength === 0) throw invalidFile("the file is empty");
  const { json, bin } = readGlb(bytes);
  const doc = parseGltfDocument(json);
  checkEverythingEmbedded(doc, bin);
  checkRequiredExtensions(doc);
  return readVrmExtension(doc);
}
