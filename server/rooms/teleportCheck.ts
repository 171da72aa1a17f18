import { TELEPORT_MAX_METRES, MOVE_SLACK_METRES, type MoveMessage } from "../../shared/protocol";
import { blockingObstacle, insideBounds, type Walkable } from "../../shared/world";
import type { MoveVerdict, Position } from "./movement";

/**
 * Whether a headset's teleport from `from` to `to` may land: within TELEPORT_MAX_METRES on the
 * ground, inside the world and not inside an obstacle. The way there is not checked: the arc
 * flies over obstacles, which is what a teleport is for. Numbers are already finite.
 */
export function checkTeleport(walkable: Walkable, from: Position, to: MoveMessage): MoveVerdict {
  if (!insideBounds(walkable, to.x, to.z)) {
    return { ok: false, reason: `teleport target (${round(to.x)}, ${round(to.z)}) is outside the world's bounds` };
  }
  if (blockingObstacle(walkable, to.x, to.z)) {
    return { ok: false, reason: `teleport target (${round(to.x)}, ${round(to.z)}) is inside an obstacle` };
  }
  const distance = Math.hypot(to.x - from.x, to.z - from.z);
  if (distance > TELEPORT_MAX_METRES) {
    return { ok: false, reason: `teleport of ${round(distance)} m is longer than ${TELEPORT_MAX_METRES} m` };
  }
  // The arc lands on the ground the player stands on: no climbing by teleport.
  if (Math.abs(to.y - from.y) > MOVE_SLACK_METRES) {
    return { ok: false, reason: `teleport changes height by ${round(to.y - from.y)} m` };
  }
  return { ok: true };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
