import type { ActionName } from "../../shared/persona";
import type { CompanionState } from "../../shared/state";

/** How long each gesture plays, seconds: its `gesture` field is cleared after that. */
export const GESTURE_SECONDS: Readonly<Record<ActionName, number>> = { wave: 2, nod: 1.2, shake: 1.4, point: 2 };

/** The gestures companions are making now, and when each one ends. */
export class CompanionGestures {
  private readonly left = new Map<CompanionState, number>();

  /** Shows `name` on the companion from now for its duration (a newer gesture replaces it). */
  start(companion: CompanionState, name: ActionName): void {
    companion.gesture = name;
    this.left.set(companion, GESTURE_SECONDS[name]);
  }

  /** Advances time by `elapsedMs`: gestures that are over are cleared. */
  tick(elapsedMs: number): void {
    const dt = elapsedMs / 1000;
    for (const [companion, seconds] of this.left) {
      if (seconds > dt) {
        this.left.set(companion, seconds - dt);
        continue;
      }
      companion.gesture = "";
      this.left.delete(companion);
    }
  }
}
