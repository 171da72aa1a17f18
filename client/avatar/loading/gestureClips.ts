import type { AnimationClip } from "three";
import type { VRM } from "@pixiv/three-vrm";
import { createVRMAnimationClip, type VRMAnimation } from "@pixiv/three-vrm-animation";
import { ACTIONS, type ActionName } from "../../../shared/persona";
import { fetchVrmFile } from "./vrmFiles";
import { parseVrmAnimation } from "./vrmParser";

/**
 * VRMA gesture clips that ship in avatars/animations/<gesture>.vrma. Known when the client is
 * built, so a gesture without a file costs no request: it plays procedurally instead.
 */
const SHIPPED: Record<string, string> = import.meta.glob("../../../avatars/animations/*.vrma", {
  query: "?url",
  import: "default",
  eager: true,
});

let animations: Promise<Partial<Record<ActionName, VRMAnimation>>> | null = null;

function shippedUrl(name: ActionName): string | undefined {
  return Object.entries(SHIPPED).find(([path]) => path.endsWith(`/${name}.vrma`))?.[1];
}

async function loadAnimations(): Promise<Partial<Record<ActionName, VRMAnimation>>> {
  const found: Partial<Record<ActionName, VRMAnimation>> = {};
  for (const name of ACTIONS) {
    const url = shippedUrl(name);
    if (!url) continue;
    try {
      found[name] = await parseVrmAnimation(await fetchVrmFile(url));
    } catch (error) {
      console.warn(`gesture clip ${url} could not be loaded; "${name}" plays procedurally`, error);
    }
  }
  return found;
}

/** The shipped gesture clips, bound to `vrm` (a clip is made per VRM: bone names differ). */
export async function gestureClipsFor(vrm: VRM): Promise<Partial<Record<ActionName, AnimationClip>>> {
  animations ??= loadAnimations();
  return bindGestureClips(await animations, vrm);
}

export function bindGestureClips(found: Partial<Record<ActionName, VRMAnimation>>, vrm: VRM): Partial<Record<ActionName, AnimationClip>> {
  const clips: Partial<Record<ActionName, AnimationClip>> = {};
  for (const name of ACTIONS) {
    const animation = found[name];
    if (animation) clips[name] = createVRMAnimationClip(animation, vrm);
  }
  return clips;
}
