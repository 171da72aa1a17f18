import { MOVE_SEND_HZ } from "../../shared/protocol";

/**
 * Decides when the local pose goes to the server: at MOVE_SEND_HZ while it changes, and once
 * more as soon as it stops changing, so others see exactly where the player came to rest.
 */
export class MoveSchedule {
  private lastSentAt = -Infinity;
  private unsent = false;
  private wasChanging = false;

  constructor(private readonly intervalMs = 1000 / MOVE_SEND_HZ) {}

  /** Call every frame with whether the pose changed this frame; true means send it now. */
  update(nowMs: number, changed: boolean): boolean {
    if (changed) this.unsent = true;
    const stopped = this.wasChanging && !changed;
    this.wasChanging = changed;
    if (!this.unsent) return false;
    const elapsed = nowMs - this.lastSentAt;
    // The resting pose goes out at once, but never faster than 3× the send rate.
    if (elapsed >= this.intervalMs || (stopped && elapsed >= this.intervalMs / 3)) {
      this.lastSentAt = nowMs;
      this.unsent = false;
      return true;
    }
    return false;
  }

  /** Forget what was pending (after a snap back to the server's position). */
  reset(): void {
    this.unsent = false;
    this.wasChanging = false;
  }
}
