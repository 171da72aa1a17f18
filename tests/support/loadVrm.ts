/**
 * Loads a VRM (0.x or 1.0, GLB bytes) in Node through three's GLTFLoader and @pixiv/three-vrm's
 * loader plugin: the same path the client takes, without a browser. Textures are not decoded in
 * Node, so a VRM whose materials use images loads with those images missing.
 */
import { VRMLoaderPlugin, type VRM } from "@pixiv/three-vrm";
import { GLTFLoader, type GLTF } from "three/examples/jsm/loaders/GLTFLoader.js";

export interface LoadedVrm {
  vrm: VRM;
  gltf: GLTF;
}

export async function loadVrm(bytes: ArrayBuffer | Uint8Array): Promise<LoadedVrm> {
  const buffer =
    bytes instanceof Uint8Array ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) : bytes;
  const loader = new GLTFLoader();
  loader.register((parser) => new VRMLoaderPlugin(parser));
  const gltf = await loader.parseAsync(buffer as ArrayBuffer, "");
  const vrm = gltf.userData.vrm as VRM | undefined;
  if (!vrm) throw new Error("not a VRM: the glTF has no VRMC_vrm or VRM extension");
  return { vrm, gltf };
}
