import type { CompanionState, PlayerState, WorldState } from "../../shared/state";
import type { Walkable } from "../../shared/world";
import { Bodies, Follower, navGridFor, type NavGrid } from "../steering";

/** The room's tick rate for companion movement. */
export const MOVEMENT_TICK_MS = 50;
/** Smallest changes worth a patch while moving: 1 cm, ~0.6°, 0.05 m/s. */
const POSITION_STEP_METRES = 0.01;
const YAW_STEP_RADIANS = 0.01;
const SPEED_STEP = 0.05;
/** A stalled event loop must not turn into one giant step through a wall. */
const MAX_STEP_SECONDS = 0.2;

/**
 * Moves every companion of a room each tick (see steering's Follower) and writes its pose, speed
 * and warp count into the room state, touching a field only when it changed visibly, so a standing
 * companion costs no patch. It faces whoever `attention` names (set by RoomCompanions).
 */
export class CompanionMovement {
  private readonly grid: NavGrid;
  private readonly followers = new WeakMap<CompanionState, Follower>();
  private readonly bodies = new Bodies();
  private dt = 0;
  private companionsFrom = 0;
  /** Index in `bodies` of the companion being stepped. */
  private nextBody = 0;

  constructor(
    private readonly state: WorldState,
    walkable: Walkable,
  ) {
    this.grid = navGridFor(walkable);
  }

  /** Advances every companion by `elapsedMs` (the measured time since the last tick). */
  tick(elapsedMs: number): void {
    this.dt = Math.min(Math.max(elapsedMs, 0) / 1000, MAX_STEP_SECONDS);
    if (this.dt === 0) return;
    const bodies = this.bodies;
    bodies.clear();
    this.state.players.forEach(this.addPlayer);
    this.companionsFrom = bodies.count;
    this.state.companions.forEach(this.addCompanion);
    this.nextBody = this.companionsFrom;
    this.state.companions.forEach(this.stepCompanion);
  }

  /** The steering state of a companion in this room (created on its first tick). */
  followerOf(companion: CompanionState): Follower | undefined {
    return this.followers.get(companion);
  }

  // Bound once: forEach callbacks that allocate nothing per tick.
  private readonly addPlayer = (player: PlayerState): void => {
    this.bodies.add(player.x, player.z);
  };

  private readonly addCompanion = (companion: CompanionState): void => {
    const follower = this.followers.get(companion);
    this.bodies.add(follower?.x ?? companion.x, follower?.z ?? companion.z);
  };

  private readonly stepCompanion = (companion: CompanionState, ownerSession: string): void => {
    const self = this.nextBody++;
    const owner = this.state.players.get(ownerSession);
    if (!owner) return;
    let follower = this.followers.get(companion);
    if (!follower) {
      follower = new Follower(this.grid, companion);
      this.followers.set(companion, follower);
    }
    follower.step(this.dt, owner, this.bodies, self, this.attentionOf(companion, owner));
    // Changes too small to see are not sent (clients interpolate); a body at rest gets its exact pose.
    const resting = follower.speed === 0;
    if (differs(companion.x, follower.x, POSITION_STEP_METRES, resting)) companion.x = follower.x;
    if (differs(companion.z, follower.z, POSITION_STEP_METRES, resting)) companion.z = follower.z;
    if (companion.y !== follower.y) companion.y = follower.y;
    if (differs(companion.yaw, follower.yaw, YAW_STEP_RADIANS, resting)) companion.yaw = follower.yaw;
    const speed = Math.round(follower.speed / SPEED_STEP) * SPEED_STEP;
    if (companion.speed !== speed) companion.speed = speed;
    const warp = follower.warps & 0xffff;
    if (companion.warp !== warp) companion.warp = warp;
  };

  /** Whom it faces in conversation: the person speaking to it, else its owner; none outside one. */
  private attentionOf(companion: CompanionState, owner: PlayerState): PlayerState | undefined {
    if (companion.attention !== "") return this.state.players.get(companion.attention) ?? owner;
    return companion.speaking ? owner : undefined;
  }
}

/** Whether `shown` should be updated to `actual`: by a visible step, or exactly once at rest. */
function differs(shown: number, actual: number, step: number, resting: boolean): boolean {
  return resting ? shown !== actual : Math.abs(shown - actual) >= step;
}
