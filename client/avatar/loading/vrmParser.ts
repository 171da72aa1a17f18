import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";
import { VRMLoaderPlugin, VRMUtils, type VRM } from "@pixiv/three-vrm";
import { VRMAnimationLoaderPlugin, type VRMAnimation } from "@pixiv/three-vrm-animation";
import { cullWithBodyBounds } from "./bodyBounds";

let loader: GLTFLoader | null = null;

/** One GLTFLoader that understands VRM (0.x and 1.0) and VRMA animation files. */
function vrmLoader(): GLTFLoader {
  if (!loader) {
    loader = new GLTFLoader();
    loader.register((parser) => new VRMLoaderPlugin(parser));
    loader.register((parser) => new VRMAnimationLoaderPlugin(parser));
  }
  return loader;
}

/**
 * A new VRM from a file's bytes, ready to draw: unused vertices dropped, skeletons merged (fewer
 * bone matrices per frame), a VRM 0.x turned to face +Z like a 1.0 model, meshes culled
 * against bounds that hold the body in any pose, and casting shadows.
 */
export async function parseVrm(buffer: ArrayBuffer): Promise<VRM> {
  const gltf = await vrmLoader().parseAsync(buffer, "");
  const vrm = gltf.userData.vrm as VRM | undefined;
  if (!vrm) throw new Error("not a VRM: the glTF has no VRMC_vrm or VRM extension");
  VRMUtils.removeUnnecessaryVertices(gltf.scene);
  VRMUtils.combineSkeletons(gltf.scene);
  VRMUtils.rotateVRM0(vrm);
  cullWithBodyBounds(vrm.scene);
  vrm.scene.traverse((object) => {
    if ((object as { isMesh?: boolean }).isMesh) object.castShadow = true;
  });
  return vrm;
}

/** The animation in a VRMA file's bytes. */
export async function parseVrmAnimation(buffer: ArrayBuffer): Promise<VRMAnimation> {
  const gltf = await vrmLoader().parseAsync(buffer, "");
  const animations = gltf.userData.vrmAnimations as VRMAnimation[] | undefined;
  const animation = animations?.[0];
  if (!animation) throw new Error("not a VRMA file: the glTF has no VRMC_vrm_animation extension");
  return animation;
}
