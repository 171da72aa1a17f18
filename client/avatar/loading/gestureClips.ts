import type { VRM } from "@pixiv/three-vrm";
import { MOTION_CLIP_NAMES, type MotionClipName, type MotionClips } from "../motion/motionClips";
import { bindMotionClips, type MotionAnimations } from "./bindMotionClips";
import { fetchVrmFile } from "./vrmFiles";
import { parseVrmAnimation } from "./vrmParser";

/**
 * VRMA clips that ship in avatars/animations/<name>.vrma (`npm run avatars` writes them): the
 * gestures and the idle variations. Known when the client is built, so a name without a file
 * costs no request: it plays procedurally instead, as does one whose file fails to load.
 */
const SHIPPED: Record<string, string> = import.meta.glob("../../../avatars/animations/*.vrma", {
  query: "?url",
  import: "default",
  eager: true,
});

let animations: Promise<MotionAnimations> | null = null;

function shippedUrl(name: MotionClipName): string | undefined {
  return Object.entries(SHIPPED).find(([path]) => path.endsWith(`/${name}.vrma`))?.[1];
}

async function loadAnimations(): Promise<MotionAnimations> {
  const found: MotionAnimations = {};
  for (const name of MOTION_CLIP_NAMES) {
    const url = shippedUrl(name);
    if (!url) continue;
    try {
      found[name] = await parseVrmAnimation(await fetchVrmFile(url));
    } catch (error) {
      console.warn(`animation clip ${url} could not be loaded; "${name}" plays procedurally`, error);
    }
  }
  return found;
}

/** The shipped clips (downloaded and parsed once), bound to `vrm`. */
export async function gestureClipsFor(vrm: VRM): Promise<MotionClips> {
  animations ??= loadAnimations();
  return bindMotionClips(await animations, vrm);
}
