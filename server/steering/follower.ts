import { RUN_SPEED, WALK_SPEED } from "../../shared/protocol";
import { arrivalSpeed } from "./arrival";
import { PERSONAL_SPACE_METRES, TOUCHING_METRES, type Bodies } from "./bodies";
import type { NavGrid } from "./navGrid";
import { OwnerMotion } from "./ownerMotion";
import { Route } from "./route";
import { Settling, type SettlingInput } from "./settling";
import { appearBeside, chooseSlot, type Side, type Slot } from "./slot";
import { turnTowards } from "./turning";
import type { Waypoint } from "./findPath";

/** Left further behind than this (metres, straight line), it fades out and in beside its owner. */
export const CATCH_UP_METRES = 15;
/** A height difference beyond this is another floor: walking there is not an option. */
const OTHER_FLOOR_METRES = 2;
/** Fastest a companion moves, to catch up with a running owner. */
export const COMPANION_MAX_SPEED = RUN_SPEED * 1.5;
/** Beyond this from its owner a companion may run even when they stand. */
const RUN_TO_OWNER_METRES = 4;
const ACCELERATION = 14;
const TURN_RATE = 5;
/** How strongly the slot pulls when matching a walking owner's velocity, 1/s. */
const SLOT_GAIN = 2.5;
/** How fast personal space pushes it away from others, m/s at touching distance. */
const SEPARATION_SPEED = 1.5;
/** Standing, only someone this close (push weight above this) moves it: a crowd settles. */
const STANDING_SEPARATION_WEIGHT = 0.5;
/** Below this speed the body faces where it attends, not where it drifts. */
const FACE_TRAVEL_SPEED = 0.5;
/** The lane ahead of a walking owner that a companion keeps out of: length and half width. */
const PATH_AHEAD_METRES = 2.5;
const PATH_HALF_WIDTH_METRES = 0.9;
/** Turns (radians, alternating sides) tried in order when the straight step would bump into someone. */
const DETOUR_ANGLES: readonly number[] = [0, 0.5, -0.5, 1, -1, 1.5, -1.5];
/** How far ahead it looks at its owner's path to give way, seconds. */
const GIVE_WAY_SECONDS = 0.4;
/** Two catch-ups at least this far apart: a place it cannot leave does not flicker. */
const WARP_COOLDOWN_SECONDS = 2;

export interface OwnerPose {
  x: number;
  y: number;
  z: number;
  yaw: number;
}

/** Whom the companion attends to while talking: where to face. Undefined outside conversation. */
export type Attention = Waypoint | undefined;

/**
 * One companion's body following its owner: the slot beside and a little behind them (matching
 * their velocity while they walk, arriving and standing still when they stop), around obstacles
 * along a route, apart from other bodies, turning at a limited rate, and catching up by a warp
 * when left too far behind. Steps are pure arithmetic over reused objects.
 */
export class Follower {
  x: number;
  y: number;
  z: number;
  yaw: number;
  vx = 0;
  vz = 0;
  /** How many times it caught up by fading out and in. */
  warps = 0;
  /** Whether it stands in its place (see Settling). */
  readonly settling = new Settling();
  readonly owner = new OwnerMotion();
  readonly route: Route;
  private side: Side = 1;
  private sinceWarp = Infinity;
  /** The side (+1 or −1) it last turned to get past someone: tried first next time, so it does not dither. */
  private detour: 1 | -1 = 1;
  private readonly slot: Slot = { x: 0, z: 0, side: 1 };
  private readonly target: Waypoint = { x: 0, z: 0 };
  private readonly push: Waypoint = { x: 0, z: 0 };
  private readonly moved: Waypoint = { x: 0, z: 0 };
  private readonly settlingInput: SettlingInput = { distance: 0, fromSlot: 0, speed: 0, ownerSpeed: 0, ownerMoving: false, inOwnersPath: false, talking: false };

  constructor(
    private readonly grid: NavGrid,
    start: OwnerPose,
  ) {
    this.x = start.x;
    this.y = start.y;
    this.z = start.z;
    this.yaw = start.yaw;
    this.route = new Route(grid);
  }

  get speed(): number {
    return Math.hypot(this.vx, this.vz);
  }

  /**
   * Advances `dt` seconds. `bodies` holds everyone in the room, this companion at index `self`
   * (moved there when it moves); `attention` is whom it faces while in conversation.
   */
  step(dt: number, owner: OwnerPose, bodies: Bodies, self: number, attention: Attention): void {
    const motion = this.owner;
    motion.observe(owner.x, owner.z, owner.yaw, dt);
    this.sinceWarp += dt;
    const distance = Math.hypot(owner.x - this.x, owner.z - this.z);
    if (distance > CATCH_UP_METRES || Math.abs(owner.y - this.y) > OTHER_FLOOR_METRES) return this.warpTo(owner, bodies, self);

    const slot = chooseSlot(this.grid, motion.x, motion.z, motion.hx, motion.hz, this.x, this.z, this.side, this.slot);
    this.side = slot.side;
    const settling = this.settlingInput;
    settling.distance = distance;
    settling.fromSlot = Math.hypot(slot.x - this.x, slot.z - this.z);
    settling.speed = this.speed;
    settling.ownerSpeed = motion.speed;
    settling.ownerMoving = motion.moving;
    settling.inOwnersPath = motion.moving && this.inOwnersPath(motion);
    settling.talking = attention !== undefined;
    const settled = this.settling.update(settling, dt);

    let desiredX = 0;
    let desiredZ = 0;
    const cap = Math.min(COMPANION_MAX_SPEED, Math.max(WALK_SPEED, motion.speed * 1.4 + 0.5, distance > RUN_TO_OWNER_METRES ? RUN_SPEED : 0));
    if (!settled) {
      const heading = this.route.next(this.x, this.z, slot.x, slot.z, dt, this.target);
      if (heading === "none") {
        if (this.sinceWarp >= WARP_COOLDOWN_SECONDS) return this.warpTo(owner, bodies, self);
      } else {
        const tx = this.target.x - this.x;
        const tz = this.target.z - this.z;
        const td = Math.hypot(tx, tz);
        if (heading === "direct" && motion.moving) {
          // Keep pace: the owner's velocity, plus a pull towards the slot.
          let pullX = tx * SLOT_GAIN;
          let pullZ = tz * SLOT_GAIN;
          if (this.inOwnersPath(motion)) {
            // In their way: step aside at their pace, never brake in front of them.
            const back = pullX * motion.hx + pullZ * motion.hz;
            if (back < 0) {
              pullX -= back * motion.hx;
              pullZ -= back * motion.hz;
            }
          }
          desiredX = motion.vx + pullX;
          desiredZ = motion.vz + pullZ;
        } else if (td > 1e-9) {
          const speed = heading === "direct" ? arrivalSpeed(td, cap) : cap;
          desiredX = (tx / td) * speed;
          desiredZ = (tz / td) * speed;
        }
        const desired = Math.hypot(desiredX, desiredZ);
        if (desired > cap) {
          desiredX *= cap / desired;
          desiredZ *= cap / desired;
        }
      }
    }
    const push = bodies.separation(self, this.x, this.z, this.push);
    this.giveWay(push);
    const pushWeight = Math.hypot(push.x, push.z);
    if (!settled || pushWeight > STANDING_SEPARATION_WEIGHT) {
      desiredX += push.x * SEPARATION_SPEED;
      desiredZ += push.z * SEPARATION_SPEED;
    }
    this.accelerate(desiredX, desiredZ, settled, dt);
    this.advance(dt, bodies, self);
    this.face(attention, owner.yaw, dt);
  }

  /** Whether it stands in the lane ahead of its walking owner, where they are about to step. */
  private inOwnersPath(motion: OwnerMotion): boolean {
    const dx = this.x - motion.x;
    const dz = this.z - motion.z;
    const ahead = dx * motion.hx + dz * motion.hz;
    const across = Math.abs(dx * -motion.hz + dz * motion.hx);
    return ahead > 0 && ahead < PATH_AHEAD_METRES && across < PATH_HALF_WIDTH_METRES;
  }

  /**
   * Adds a push away from where the owner will be in a moment: an owner turning towards their
   * companion finds it already stepping aside, never bumps into it.
   */
  private giveWay(push: Waypoint): void {
    const motion = this.owner;
    const dx = this.x - (motion.x + motion.vx * GIVE_WAY_SECONDS);
    const dz = this.z - (motion.z + motion.vz * GIVE_WAY_SECONDS);
    const d = Math.hypot(dx, dz);
    if (d >= PERSONAL_SPACE_METRES || d < 1e-6) return;
    const weight = Math.min(1, (PERSONAL_SPACE_METRES - d) / (PERSONAL_SPACE_METRES - TOUCHING_METRES));
    push.x += (dx / d) * weight;
    push.z += (dz / d) * weight;
  }

  private accelerate(desiredX: number, desiredZ: number, settled: boolean, dt: number): void {
    const dx = desiredX - this.vx;
    const dz = desiredZ - this.vz;
    const change = Math.hypot(dx, dz);
    const most = ACCELERATION * dt;
    const k = change > most ? most / change : 1;
    this.vx += dx * k;
    this.vz += dz * k;
    // Settling: below a crawl the body simply stands (no creeping by floating-point dust).
    if (settled && Math.hypot(this.vx, this.vz) < 0.05 && Math.hypot(desiredX, desiredZ) === 0) {
      this.vx = 0;
      this.vz = 0;
    }
  }

  /**
   * Moves by the velocity, sliding along walls and never stepping into another body: when the
   * way is blocked by someone it tries turning aside (the side that worked last time first),
   * and waits when every way is blocked.
   */
  private advance(dt: number, bodies: Bodies, self: number): void {
    if (this.vx === 0 && this.vz === 0) return;
    const { x, z } = this;
    for (let attempt = 0; attempt < DETOUR_ANGLES.length; attempt++) {
      const angle = DETOUR_ANGLES[attempt]! * this.detour;
      const c = Math.cos(angle);
      const s = Math.sin(angle);
      const vx = this.vx * c - this.vz * s;
      const vz = this.vx * s + this.vz * c;
      const to = this.grid.slide(x, z, x + vx * dt, z + vz * dt, this.moved);
      if ((to.x === x && to.z === z) || bodies.bumps(self, x, z, to.x, to.z)) continue;
      if (angle !== 0) this.detour = angle > 0 ? 1 : -1;
      this.vx = (to.x - x) / dt;
      this.vz = (to.z - z) / dt;
      this.x = to.x;
      this.z = to.z;
      bodies.move(self, to.x, to.z);
      return;
    }
    this.vx = 0;
    this.vz = 0;
  }

  private face(attention: Attention, ownerYaw: number, dt: number): void {
    let target: number;
    if (this.speed > FACE_TRAVEL_SPEED) target = Math.atan2(this.vx, this.vz);
    else if (attention) target = Math.atan2(attention.x - this.x, attention.z - this.z);
    // Standing beside its owner, it looks the way they look.
    else target = ownerYaw;
    this.yaw = turnTowards(this.yaw, target, TURN_RATE, dt);
  }

  /** Fades out and in at the owner's side (see appearBeside). */
  private warpTo(owner: OwnerPose, bodies: Bodies, self: number): void {
    const motion = this.owner;
    const slot = appearBeside(this.grid, owner.x, owner.z, motion.hx, motion.hz, this.side, this.slot);
    const x = slot.x;
    const z = slot.z;
    this.side = slot.side;
    this.x = x;
    this.y = owner.y;
    this.z = z;
    this.vx = 0;
    this.vz = 0;
    this.yaw = Math.atan2(motion.hx, motion.hz);
    this.settling.reset();
    this.warps++;
    this.sinceWarp = 0;
    this.route.reset();
    bodies.move(self, x, z);
  }
}
