/** The head turns alone (neck and head bones) this far either side of where the body faces. */
export const COMFORT_YAW = (50 * Math.PI) / 180;
/** No neck turns further: past this the head drags the body round with it at once. */
export const MAX_TWIST = (80 * Math.PI) / 180;
/** The head stays past the comfortable range this long (s) before the body turns to catch up. */
export const CATCH_UP_AFTER_S = 0.4;
/** A catch-up turn takes this long (s), eased in and out like a step round. */
export const CATCH_UP_TURN_S = 0.35;
/** Moving this fast (m/s, smoothed) the body faces the way it goes. */
export const MOVING_SPEED = 0.35;
/** How quickly the measured speed follows the movement (time constant, s): a sway is not a walk. */
const VELOCITY_SMOOTHING_S = 0.15;
/** How quickly a moving body turns to its direction (time constant, s). */
const WALK_TURN_S = 0.2;
/** Moving further than this in one update is a jump (teleport, spawn), not a walk. */
const JUMP_M = 1.5;
/** Going more than this far from where the head looks is walking backwards: the body faces away from the path. */
const BACKWARDS = (100 * Math.PI) / 180;

/** The same direction as `angle`, within (−π, π]. */
export function wrapAngle(angle: number): number {
  const wrapped = angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
  return wrapped === -Math.PI ? Math.PI : wrapped;
}

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/** Eases 0…1 in and out (smoothstep). */
function ease(t: number): number {
  return t * t * (3 - 2 * t);
}

/**
 * Where a tracked body faces, apart from its head (yaw 0 faces +Z). Standing, the body holds its
 * direction while the head turns within COMFORT_YAW; when the head stays past that for
 * CATCH_UP_AFTER_S the body turns to face it over CATCH_UP_TURN_S, and it never lets the head
 * get further than MAX_TWIST round. Moving, the body faces its path (away from it when walking
 * backwards), never further from the head than COMFORT_YAW. Every rate is in seconds, so the
 * same movement gives the same turns at any frame rate.
 */
export class BodyFacing {
  /** The body's direction (NaN until the first update). */
  yaw = Number.NaN;
  private x = 0;
  private z = 0;
  private velocityX = 0;
  private velocityZ = 0;
  /** How long the head has been past the comfortable range (s). */
  private pastComfort = 0;
  /** A catch-up turn: its progress (0…1, negative when none) and the direction it started from. */
  private turn = -1;
  private turnFrom = 0;

  /** Starts over facing where the head looks, at (x, z), still. */
  reset(headYaw: number, x: number, z: number): void {
    this.yaw = wrapAngle(headYaw);
    this.x = x;
    this.z = z;
    this.velocityX = 0;
    this.velocityZ = 0;
    this.pastComfort = 0;
    this.turn = -1;
  }

  /**
   * The person was moved and turned at once by `turn` radians (a snap turn or a teleport: the
   * world turned round them, not their head): the body turns with them, keeping its own twist
   * from the head, and its new place (x, z) is no step of a walk.
   */
  jump(turn: number, x: number, z: number): void {
    if (Number.isNaN(this.yaw)) return;
    this.yaw = wrapAngle(this.yaw + turn);
    this.turnFrom = wrapAngle(this.turnFrom + turn);
    this.x = x;
    this.z = z;
    this.velocityX = 0;
    this.velocityZ = 0;
  }

  /** One update `dt` seconds on: the head looks along `headYaw`, the body stands at (x, z). Returns the body's yaw. */
  update(headYaw: number, x: number, z: number, dt: number): number {
    if (Number.isNaN(this.yaw) || !(dt > 0)) {
      if (Number.isNaN(this.yaw)) this.reset(headYaw, x, z);
      return this.yaw;
    }
    this.followVelocity(x, z, dt);
    const speed = Math.hypot(this.velocityX, this.velocityZ);
    if (speed > MOVING_SPEED) {
      this.turn = -1;
      this.pastComfort = 0;
      const path = Math.atan2(this.velocityX, this.velocityZ);
      const backwards = Math.abs(wrapAngle(path - headYaw)) > BACKWARDS;
      const wanted = headYaw + clamp(wrapAngle((backwards ? path + Math.PI : path) - headYaw), COMFORT_YAW);
      this.yaw = wrapAngle(this.yaw + wrapAngle(wanted - this.yaw) * (1 - Math.exp(-dt / WALK_TURN_S)));
    } else {
      let turning = dt;
      if (this.turn < 0) {
        this.pastComfort = Math.abs(wrapAngle(headYaw - this.yaw)) > COMFORT_YAW ? this.pastComfort + dt : 0;
        // The turn starts when the wait is over, within this update: what is left of it turns already.
        turning = this.pastComfort - CATCH_UP_AFTER_S;
        if (turning >= 0) {
          this.pastComfort = 0;
          this.turn = 0;
          this.turnFrom = this.yaw;
        }
      }
      if (this.turn >= 0) {
        this.turn = Math.min(1, this.turn + turning / CATCH_UP_TURN_S);
        this.yaw = wrapAngle(this.turnFrom + ease(this.turn) * wrapAngle(headYaw - this.turnFrom));
        if (this.turn === 1) this.turn = -1;
      }
    }
    // The neck's limit: the head pulls the body round rather than twist further.
    const twist = wrapAngle(headYaw - this.yaw);
    if (Math.abs(twist) > MAX_TWIST) this.yaw = wrapAngle(headYaw - Math.sign(twist) * MAX_TWIST);
    return this.yaw;
  }

  private followVelocity(x: number, z: number, dt: number): void {
    const dx = x - this.x;
    const dz = z - this.z;
    this.x = x;
    this.z = z;
    if (Math.hypot(dx, dz) > JUMP_M) {
      this.velocityX = 0;
      this.velocityZ = 0;
      return;
    }
    const follow = 1 - Math.exp(-dt / VELOCITY_SMOOTHING_S);
    this.velocityX += (dx / dt - this.velocityX) * follow;
    this.velocityZ += (dz / dt - this.velocityZ) * follow;
  }
}
