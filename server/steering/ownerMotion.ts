/**
 * Above this ground speed (m/s) the owner counts as walking: the slot follows their travel.
 * Slower is shuffling and turning about, where a companion keeps to their facing and stands.
 */
export const OWNER_MOVING_SPEED = 1;
/** A position change larger than this in one update is a jump (portal, respawn), not walking. */
const JUMP_METRES = 8;
/** With no new position for this long the owner is taken to be standing. */
const STANDING_AFTER_SECONDS = 0.35;
/** How much of each new velocity measurement is taken (moves arrive at about 10 Hz, jittered). */
const VELOCITY_BLEND = 0.5;
/** Between two position updates the owner is taken to keep going, for at most this long. */
const PREDICT_SECONDS = 0.2;

/**
 * What a companion knows of its owner's motion, from the positions it sees tick by tick: their
 * velocity (smoothed; positions arrive at the client's send rate, not every tick) and the
 * direction they head in (travel when walking, facing when standing).
 */
export class OwnerMotion {
  vx = 0;
  vz = 0;
  /** Unit vector of the owner's heading. */
  hx = 0;
  hz = 1;
  /** Where the owner probably is now: their last position carried on by their velocity (smooth between updates). */
  x = 0;
  z = 0;
  private lastX = Number.NaN;
  private lastZ = Number.NaN;
  private sinceChange = 0;

  get speed(): number {
    return Math.hypot(this.vx, this.vz);
  }

  get moving(): boolean {
    return this.speed > OWNER_MOVING_SPEED;
  }

  /** Takes the owner's pose after `dt` seconds; true when they jumped (or this is the first look). */
  observe(x: number, z: number, yaw: number, dt: number): boolean {
    this.sinceChange += dt;
    const dx = x - this.lastX;
    const dz = z - this.lastZ;
    const jumped = !(Math.hypot(dx, dz) <= JUMP_METRES);
    if (jumped) {
      this.vx = 0;
      this.vz = 0;
      this.sinceChange = 0;
    } else if (dx !== 0 || dz !== 0) {
      const elapsed = Math.max(this.sinceChange, dt);
      this.vx += (dx / elapsed - this.vx) * VELOCITY_BLEND;
      this.vz += (dz / elapsed - this.vz) * VELOCITY_BLEND;
      this.sinceChange = 0;
    } else if (this.sinceChange > STANDING_AFTER_SECONDS) {
      this.vx = 0;
      this.vz = 0;
    }
    this.lastX = x;
    this.lastZ = z;
    const ahead = Math.min(this.sinceChange, PREDICT_SECONDS);
    this.x = x + this.vx * ahead;
    this.z = z + this.vz * ahead;
    const speed = this.speed;
    if (speed > OWNER_MOVING_SPEED) {
      this.hx = this.vx / speed;
      this.hz = this.vz / speed;
    } else if (speed === 0) {
      // Forward at yaw θ is (sin θ, cos θ) on the ground.
      this.hx = Math.sin(yaw);
      this.hz = Math.cos(yaw);
    }
    return jumped;
  }
}
