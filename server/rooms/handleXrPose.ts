import { ClientMessage, XrPoseMessage } from "../../shared/protocol";
import type { XrPoseState } from "../../shared/state";
import { describeZodError } from "../validation";
import type { PlayerSession } from "./playerSession";
import { refusal } from "./refusal";

export type XrPoseOutcome = ReturnType<typeof refusal> | { error?: undefined };

/**
 * Applies one `xr:pose` message (a headset's head and hands) to the player's `xr` state, or
 * refuses it and changes nothing. `head: null` clears it: the person left the headset (and their
 * avatar is back to its own size).
 */
export function handleXrPose(xr: XrPoseState, session: PlayerSession, raw: unknown, now: number): XrPoseOutcome {
  const type = ClientMessage.XrPose;
  if (!session.xrPoseLimit.tryTake(now)) return refusal("rate_limited", type, "too many head poses: at most 30 per second");
  const parsed = XrPoseMessage.safeParse(raw);
  if (!parsed.success) return refusal("invalid_message", type, describeZodError(parsed.error));
  const { head, left, right } = parsed.data;

  if (!head) {
    xr.headHeight = 0;
    xr.headX = 0;
    xr.headY = 0;
    xr.headZ = 0;
    xr.headW = 1;
    xr.bodyScale = 1;
    xr.leftTracked = false;
    xr.rightTracked = false;
    return {};
  }
  xr.headHeight = head.height;
  [xr.headX, xr.headY, xr.headZ, xr.headW] = head.rotation;
  xr.bodyScale = head.bodyScale;
  xr.leftTracked = left !== null;
  if (left) [xr.leftX, xr.leftY, xr.leftZ] = left;
  xr.rightTracked = right !== null;
  if (right) [xr.rightX, xr.rightY, xr.rightZ] = right;
  return {};
}
