/** How long a companion takes to vanish where it was, and to appear where it is now (ms). */
export const WARP_FADE_OUT_MS = 250;
export const WARP_FADE_IN_MS = 400;

/**
 * The fade of a companion that catches up by teleporting: it fades out where it stood, jumps
 * (the caller snaps its pose once when `takeSnap()` says so), and fades in beside its owner,
 * so nobody sees it glide across the world. A new companion only fades in.
 */
export class WarpFade {
  private phase: "out" | "in" | "still" = "in";
  private since: number;
  private snapDue = false;

  constructor(now: number) {
    this.since = now;
  }

  /** The server moved it far away (its `warp` counter changed). */
  begin(now: number): void {
    // Already invisible: no need to fade out again, only to jump.
    const fadeNow = this.fade(now);
    this.phase = "out";
    this.since = now - (1 - fadeNow) * WARP_FADE_OUT_MS;
  }

  /** True while the shown pose must stay where it was (fading out before the jump). */
  get holdingPose(): boolean {
    return this.phase === "out";
  }

  /** Opacity 0…1 at `now`; advances the phases. */
  fade(now: number): number {
    const elapsed = now - this.since;
    if (this.phase === "out") {
      if (elapsed < WARP_FADE_OUT_MS) return 1 - elapsed / WARP_FADE_OUT_MS;
      this.phase = "in";
      this.since = now;
      this.snapDue = true;
      return 0;
    }
    if (this.phase === "in") {
      if (elapsed < WARP_FADE_IN_MS) return elapsed / WARP_FADE_IN_MS;
      this.phase = "still";
    }
    return 1;
  }

  /** True once after the fade-out: the pose should jump to the newest position now. */
  takeSnap(): boolean {
    const due = this.snapDue;
    this.snapDue = false;
    return due;
  }
}
