import { useConnection } from "../net";
import { remoteTracks } from "../people";
import { localPlayer } from "../player";

/** Height of a person's eyes above their feet, near enough for gaze, unless a headset says otherwise. */
export const HEAD_HEIGHT = 1.6;

/**
 * How high above their feet the eyes of the person of `sessionId` are: the headset's real eye
 * height from the room state (seated or standing), else HEAD_HEIGHT.
 */
export function eyeHeight(sessionId: string): number {
  const headset = useConnection.getState().room?.state.players?.get(sessionId)?.xr?.headHeight ?? 0;
  return headset > 0 ? headset : HEAD_HEIGHT;
}

export interface Point {
  x: number;
  y: number;
  z: number;
}

/**
 * Where the person of room session `sessionId` is drawn, `height` metres above their feet,
 * written into `out`; false when nobody by that session is in the room.
 */
export function personPoint(sessionId: string, height: number, out: Point): boolean {
  if (sessionId !== "" && sessionId === localPlayer.sessionId) {
    out.x = localPlayer.x;
    out.y = localPlayer.y + height;
    out.z = localPlayer.z;
    return true;
  }
  const shown = remoteTracks.get(sessionId)?.shown;
  if (!shown) return false;
  out.x = shown.x;
  out.y = shown.y + height;
  out.z = shown.z;
  return true;
}
