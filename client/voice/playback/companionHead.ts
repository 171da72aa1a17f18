import { HEAD_HEIGHT, type CompanionTrack } from "../../companions";
import type { Vec3Like } from "./companionVoice";

/** Where a companion's voice comes from: its VRM's head, or head height above its feet until the VRM loads. */
export function companionHead(track: CompanionTrack, out: Vec3Like): Vec3Like {
  const driver = track.driver;
  if (driver.loaded) {
    out.x = driver.headPosition.x;
    out.y = driver.headPosition.y;
    out.z = driver.headPosition.z;
  } else {
    out.x = track.shown.x;
    out.y = track.shown.y + HEAD_HEIGHT;
    out.z = track.shown.z;
  }
  return out;
}
