/** Snap-turn step, radians. */
export const SNAP_TURN_ANGLE = Math.PI / 6;
/** The stick must pass this far sideways to turn… */
const FIRE_AT = 0.7;
/** …and come back inside this before it turns again: one flick, one step. */
const REARM_BELOW = 0.3;

/**
 * Turns a thumbstick's sideways axis into snap turns. Returns the yaw change for this frame:
 * −SNAP_TURN_ANGLE for a flick right (yaw 0 faces +Z; turning right lowers yaw), +SNAP_TURN_ANGLE
 * for a flick left, 0 otherwise.
 */
export class SnapTurn {
  private armed = true;

  update(stickX: number): number {
    const magnitude = Math.abs(stickX);
    if (!this.armed) {
      if (magnitude < REARM_BELOW) this.armed = true;
      return 0;
    }
    if (magnitude < FIRE_AT) return 0;
    this.armed = false;
    return stickX > 0 ? -SNAP_TURN_ANGLE : SNAP_TURN_ANGLE;
  }

  reset(): void {
    this.armed = true;
  }
}
