import type { VRM } from "@pixiv/three-vrm";
import { avatarUrl, DEFAULT_AVATAR_PRESET, parseAvatarRef } from "../../../shared/avatars";
import type { MotionClips } from "../motion/motionClips";
import { gestureClipsFor } from "./gestureClips";
import { fetchVrmFile } from "./vrmFiles";
import { parseVrm } from "./vrmParser";

export interface LoadedAvatar {
  vrm: VRM;
  clips: MotionClips;
  /** The file actually shown: the default preset's when the asked-for one failed. */
  url: string;
}

const DEFAULT_URL = avatarUrl({ kind: "preset", id: DEFAULT_AVATAR_PRESET });

async function loadFrom(url: string): Promise<LoadedAvatar> {
  const vrm = await parseVrm(await fetchVrmFile(url));
  return { vrm, clips: await gestureClipsFor(vrm), url };
}

/**
 * The VRM for an avatar reference (a preset id or `upload:<id>`). A file that cannot be fetched
 * or parsed is logged and replaced by the default preset: a body is never missing because of a
 * bad upload. Null only when the default preset itself fails.
 */
export async function loadAvatar(ref: string): Promise<LoadedAvatar | null> {
  const url = avatarUrl(parseAvatarRef(ref));
  try {
    return await loadFrom(url);
  } catch (error) {
    if (url === DEFAULT_URL) {
      console.error(`the default avatar ${url} could not be loaded`, error);
      return null;
    }
    console.warn(`avatar ${url} could not be loaded; showing the default one`, error);
  }
  try {
    return await loadFrom(DEFAULT_URL);
  } catch (error) {
    console.error(`the default avatar ${DEFAULT_URL} could not be loaded`, error);
    return null;
  }
}
