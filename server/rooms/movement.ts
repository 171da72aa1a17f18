import { MAX_ACCEPTED_SPEED, MOVE_SLACK_METRES, type MoveMessage } from "../../shared/protocol";
import { blockingObstacle, insideBounds, pathBlocked, type Walkable } from "../../shared/world";

/**
 * Elapsed time counted for the speed check is capped: a client sends while it moves, so a long
 * silence must not bank a long jump (teleport-by-packet after standing still).
 */
export const MAX_COUNTED_INTERVAL_MS = 1000;

export interface Position {
  x: number;
  y: number;
  z: number;
}

export type MoveVerdict = { ok: true } | { ok: false; reason: string };

/** Whether a player at `from` may be at `to` after `elapsedMs`. Numbers are already finite. */
export function checkMove(walkable: Walkable, from: Position, to: MoveMessage, elapsedMs: number): MoveVerdict {
  const { bounds } = walkable.world;
  if (!insideBounds(walkable, to.x, to.z) || to.y < bounds.minY || to.y > bounds.maxY) {
    return { ok: false, reason: `position (${round(to.x)}, ${round(to.y)}, ${round(to.z)}) is outside the world's bounds` };
  }
  if (blockingObstacle(walkable, to.x, to.z)) {
    return { ok: false, reason: `position (${round(to.x)}, ${round(to.z)}) is inside an obstacle` };
  }
  const distance = Math.hypot(to.x - from.x, to.y - from.y, to.z - from.z);
  const seconds = Math.min(Math.max(elapsedMs, 0), MAX_COUNTED_INTERVAL_MS) / 1000;
  const allowed = MAX_ACCEPTED_SPEED * seconds + MOVE_SLACK_METRES;
  if (distance > allowed) {
    return { ok: false, reason: `moved ${round(distance)} m in ${Math.round(seconds * 1000)} ms: faster than allowed (${round(allowed)} m)` };
  }
  if (pathBlocked(walkable, from.x, from.z, to.x, to.z)) {
    return { ok: false, reason: "the path from the last position passes through an obstacle" };
  }
  return { ok: true };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
