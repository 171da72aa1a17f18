import type { WorldDefinition } from "../../shared/world";
import { PortalTracker } from "./portalTracker";
import { createRateLimiter, RATE_LIMITS, type RateLimiter } from "./rateLimiter";
import type { Placement } from "./spawn";

/** What the room knows about a player beyond the shared state: never sent to clients. */
export interface PlayerSession {
  userId: string;
  name: string;
  /** When the last accepted move (or the arrival) happened, ms. */
  lastMoveAt: number;
  moveLimit: RateLimiter;
  chatLimit: RateLimiter;
  xrPoseLimit: RateLimiter;
  teleportLimit: RateLimiter;
  portals: PortalTracker;
}

export function createPlayerSession(
  user: { userId: string; name: string },
  world: WorldDefinition,
  at: Placement,
  now: number,
): PlayerSession {
  return {
    userId: user.userId,
    name: user.name,
    lastMoveAt: now,
    moveLimit: createRateLimiter(RATE_LIMITS.move, now),
    chatLimit: createRateLimiter(RATE_LIMITS.chat, now),
    xrPoseLimit: createRateLimiter(RATE_LIMITS.xrPose, now),
    teleportLimit: createRateLimiter(RATE_LIMITS.teleport, now),
    portals: new PortalTracker(world, at.x, at.z),
  };
}
