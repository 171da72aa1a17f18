import { randomBetween, type RandomSource } from "../random";

const MIN_INTERVAL_S = 0.5;
const MAX_INTERVAL_S = 3;
/** Radians: wandering eyes when idle, small corrections while fixing someone. */
const IDLE_YAW = 0.14;
const IDLE_PITCH = 0.07;
const FOCUSED_SCALE = 0.25;

/**
 * Saccades: the eyes jump to a new small offset every 0.5–3 s. Real saccades are near-instant,
 * so the offset steps rather than eases.
 */
export class SaccadeScheduler {
  /** Offset from the gaze target, radians (positive yaw = the avatar's left, positive pitch = up). */
  yaw = 0;
  pitch = 0;
  /** Jumps so far (tests and diagnostics). */
  count = 0;
  private untilNext: number;

  constructor(private readonly random: RandomSource) {
    this.untilNext = randomBetween(random, MIN_INTERVAL_S, MAX_INTERVAL_S);
  }

  update(dt: number, focused: boolean): void {
    this.untilNext -= dt;
    if (this.untilNext > 0) return;
    this.untilNext = randomBetween(this.random, MIN_INTERVAL_S, MAX_INTERVAL_S);
    const scale = focused ? FOCUSED_SCALE : 1;
    this.yaw = randomBetween(this.random, -IDLE_YAW, IDLE_YAW) * scale;
    this.pitch = randomBetween(this.random, -IDLE_PITCH, IDLE_PITCH) * scale;
    this.count++;
  }
}
