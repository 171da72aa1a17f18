import { findPath, type Waypoint } from "./findPath";
import { clearLine } from "./lineOfSight";
import type { NavGrid } from "./navGrid";

/** A route is planned again once its goal has moved this far (not on every step of the owner). */
const REPLAN_METRES = 1;
/** And at most this often for a moving goal: A* is the costly part of a tick. */
const REPLAN_SECONDS = 0.5;
/** A corner counts as passed within this distance. */
const CORNER_METRES = 0.3;

export type Heading = "direct" | "corner" | "none";

/**
 * How a companion gets to a goal: straight when nothing blocks the line, else along an A* route
 * that is kept while it stays valid and planned again only when the goal moved enough or the line
 * to the next corner is blocked.
 */
export class Route {
  private corners: Waypoint[] | undefined;
  private index = 0;
  private goalX = Number.NaN;
  private goalZ = Number.NaN;
  private sincePlan = Infinity;
  private failed = false;
  /** How many times A* ran: for tests and diagnostics. */
  plans = 0;

  constructor(private readonly grid: NavGrid) {}

  reset(): void {
    this.corners = undefined;
    this.failed = false;
  }

  /**
   * Where to head now from (x, z) towards the goal, written into `out`: "direct" (the goal
   * itself, in plain view), "corner" (the next corner of a route), or "none" (no route exists).
   */
  next(x: number, z: number, goalX: number, goalZ: number, dt: number, out: Waypoint): Heading {
    const { grid } = this;
    this.sincePlan += dt;
    const here = grid.openAt(x, z);
    if (here && clearLine(grid, x, z, goalX, goalZ)) {
      this.corners = undefined;
      this.failed = false;
      out.x = goalX;
      out.z = goalZ;
      return "direct";
    }
    if (this.needsPlan(x, z, goalX, goalZ, here)) {
      this.corners = findPath(grid, x, z, goalX, goalZ);
      this.failed = !this.corners;
      this.index = 0;
      this.goalX = goalX;
      this.goalZ = goalZ;
      this.sincePlan = 0;
      this.plans++;
    }
    const corners = this.corners;
    if (!corners) return "none";
    // Skip corners already passed, and any the companion can already see past.
    while (this.index < corners.length - 1) {
      const corner = corners[this.index]!;
      const after = corners[this.index + 1]!;
      if (Math.hypot(corner.x - x, corner.z - z) < CORNER_METRES || (here && clearLine(grid, x, z, after.x, after.z))) this.index++;
      else break;
    }
    const corner = corners[this.index]!;
    out.x = corner.x;
    out.z = corner.z;
    return "corner";
  }

  private needsPlan(x: number, z: number, goalX: number, goalZ: number, here: boolean): boolean {
    const corners = this.corners;
    // After a failed search, the next try waits: "no route" stays the answer meanwhile.
    if (!corners) return !this.failed || this.sincePlan >= REPLAN_SECONDS;
    const goalMoved = Math.hypot(goalX - this.goalX, goalZ - this.goalZ) > REPLAN_METRES;
    if (goalMoved && this.sincePlan >= REPLAN_SECONDS) return true;
    // Pushed off the route (by someone passing, say): the next corner is behind a wall now.
    const corner = corners[this.index]!;
    return here && !clearLine(this.grid, x, z, corner.x, corner.z);
  }
}
