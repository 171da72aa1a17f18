import { readdirSync, readFileSync } from "node:fs";
import type { VRM } from "@pixiv/three-vrm";
import { bindMotionClips, type MotionAnimations } from "../../../../client/avatar/loading/bindMotionClips";
import { parseVrmAnimation } from "../../../../client/avatar/loading/vrmParser";
import type { MotionClipName, MotionClips } from "../../../../client/avatar/motion/motionClips";

const DIR = new URL("../../../../avatars/animations/", import.meta.url);

/** The clips in avatars/animations (or only `names`), parsed and bound to `vrm` as the client does. */
export async function shippedClips(vrm: VRM, names?: readonly MotionClipName[]): Promise<MotionClips> {
  const found: MotionAnimations = {};
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".vrma"))) {
    const name = file.slice(0, -".vrma".length) as MotionClipName;
    if (names && !names.includes(name)) continue;
    const bytes = readFileSync(new URL(file, DIR));
    found[name] = await parseVrmAnimation(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  return bindMotionClips(found, vrm);
}
