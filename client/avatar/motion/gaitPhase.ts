import { angleDelta } from "../../math/angles";
import { smoothstep } from "../easing";

/** Cycle length (two steps) in hip heights: longer strides at speed, as people do. */
const CYCLE_BASE = 1.0;
const CYCLE_PER_MPS = 0.38;
/** Feet turning in place trace a small circle around the body's centre (m). */
const TURN_STEP_RADIUS_M = 0.22;
/** Turning slower than this (rad/s) is just swaying, not stepping. */
const MIN_TURN_RATE = 0.6;
/** Speeds (m/s) where walking starts and where running fully takes over. */
const WALK_START = 0.05;
const WALK_FULL = 0.6;
const RUN_START = 2.6;
const RUN_FULL = 4.2;
/** Share of a cycle a foot is on the ground: walkers overlap (double support), runners fly. */
const WALK_STANCE = 0.6;
const RUN_STANCE = 0.38;
/** Largest reach the stride may ask for (sin of the leg angle). */
const MAX_REACH = 0.8;
/** How far feet reach when stepping round on the spot (sin of the leg angle). */
const TURN_REACH = 0.12;

/** What the gait follows: the body's ground speed (m/s) and its world yaw (radians). */
export interface GaitInput {
  readonly speed: number;
  readonly yaw: number;
}

/**
 * The step cycle, driven by distance rather than time so feet don't slide: the phase advances
 * by the ground covered divided by the cycle length, and during its stance a foot moves back
 * under the body at exactly the ground speed. Turning on the spot steps too: the turn rate is the
 * yaw's change since the last update (the body object is read rather than numbers passed, which
 * the driver would box on the heap every frame).
 */
export class GaitPhase {
  /** Position in the cycle, 0…1 (0 is the left foot's strike, 0.5 the right's). */
  phase = 0;
  /** Total cycles done (unwrapped phase), for tests and diagnostics. */
  cycles = 0;
  /** How much of the walk pose shows, 0…1, and of the run pose on top of it. */
  walk = 0;
  run = 0;
  /** Stepping on the spot while turning, 0…1. */
  turn = 0;
  /** Share of the cycle each foot is on the ground. */
  stance = WALK_STANCE;
  /** Sine of the leg's largest angle from vertical: how far a foot reaches forward and back. */
  reach = 0;

  /** The yaw at the last update (NaN: none since the last {@link forgetTurn}, so no turn yet). */
  private lastYaw = Number.NaN;

  constructor(public hipHeight = 0.9) {}

  /** The next update sees no turn, whatever the yaw then: a body attached or placed anew. */
  forgetTurn(): void {
    this.lastYaw = Number.NaN;
  }

  /** Metres the body covers per full cycle at `speed` (m/s). */
  cycleLength(speed: number): number {
    return this.hipHeight * (CYCLE_BASE + CYCLE_PER_MPS * speed);
  }

  update(dt: number, body: GaitInput): void {
    const yaw = body.yaw;
    const yawRate = Number.isNaN(this.lastYaw) || dt <= 0 ? 0 : angleDelta(this.lastYaw, yaw) / dt;
    this.lastYaw = yaw;
    const ground = Math.max(body.speed, 0);
    this.walk = smoothstep(WALK_START, WALK_FULL, ground);
    this.run = smoothstep(RUN_START, RUN_FULL, ground);
    this.turn = (1 - this.walk) * smoothstep(MIN_TURN_RATE, MIN_TURN_RATE * 2.5, Math.abs(yawRate));
    this.stance = WALK_STANCE + (RUN_STANCE - WALK_STANCE) * this.run;
    const cycle = this.cycleLength(ground);
    const distance = ground * dt + (this.turn > 0 ? Math.abs(yawRate) * dt * TURN_STEP_RADIUS_M : 0);
    const advance = distance / cycle;
    this.cycles += advance;
    this.phase = (this.phase + advance) % 1;
    // In its stance a foot passes from front to back under the hips while the body covers
    // stance × cycle: 2·h·reach of it.
    const walkReach = Math.min((this.stance * cycle) / (2 * this.hipHeight), MAX_REACH);
    this.reach = walkReach * this.walk + TURN_REACH * this.turn;
  }

  /**
   * Where a foot is in its step at `phase` (the right foot is half a cycle behind the left):
   * `forward` −1 (back) … 1 (front), linear in time on the ground; `lift` 0 … 1 in the air.
   */
  foot(phase: number, out: { forward: number; lift: number }): void {
    const p = phase - Math.floor(phase);
    const stance = this.stance;
    if (p < stance) {
      out.forward = 1 - (2 * p) / stance;
      out.lift = 0;
    } else {
      const u = (p - stance) / (1 - stance);
      out.forward = -Math.cos(Math.PI * u);
      out.lift = Math.sin(Math.PI * u);
    }
  }
}
