import { ClientMessage, MoveMessage, type ErrorEvent, type PortalEvent } from "../../shared/protocol";
import type { Walkable } from "../../shared/world";
import { describeZodError } from "../validation";
import { checkMove } from "./movement";
import { checkTeleport } from "./teleportCheck";
import type { PlayerSession } from "./playerSession";
import { refusal } from "./refusal";

/** The part of a player's state a move changes (PlayerState has these fields). */
export interface Pose {
  x: number;
  y: number;
  z: number;
  yaw: number;
  pitch: number;
  /** Teleports and snap turns so far (PlayerState.jumps, wrapping at 2^16). */
  jumps: number;
}

export type MoveOutcome = { error: ErrorEvent } | { error?: undefined; portal?: PortalEvent };

/**
 * Applies one `move` message to `pose`, or refuses it and changes nothing. Stepping into a
 * portal's trigger comes back as the `portal` event to send to this player.
 */
export function handleMove(walkable: Walkable, pose: Pose, session: PlayerSession, raw: unknown, now: number): MoveOutcome {
  const type = ClientMessage.Move;
  if (!session.moveLimit.tryTake(now)) return refusal("rate_limited", type, "too many moves: at most 30 per second");
  const parsed = MoveMessage.safeParse(raw);
  if (!parsed.success) return refusal("invalid_message", type, describeZodError(parsed.error));
  const move = parsed.data;
  if (move.teleport && !session.teleportLimit.tryTake(now)) return refusal("rate_limited", type, "too many teleports: at most 3 in 3 seconds");
  const verdict = move.teleport ? checkTeleport(walkable, pose, move) : checkMove(walkable, pose, move, now - session.lastMoveAt);
  if (!verdict.ok) return refusal("move_rejected", type, verdict.reason);

  pose.x = move.x;
  pose.y = move.y;
  pose.z = move.z;
  pose.yaw = move.yaw;
  pose.pitch = move.pitch;
  if (move.teleport || move.snapTurn) pose.jumps = (pose.jumps + 1) % 0x10000;
  session.lastMoveAt = now;

  const portal = session.portals.enter(move.x, move.z);
  return portal ? { portal: { portalId: portal.id, world: portal.to, via: portal.arriveAt } } : {};
}
