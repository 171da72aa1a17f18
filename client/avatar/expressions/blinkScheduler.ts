import { randomBetween, type RandomSource } from "../random";

const MIN_INTERVAL_S = 2;
const MAX_INTERVAL_S = 6;
const CLOSE_S = 0.06;
const SHUT_S = 0.03;
const OPEN_S = 0.08;
/** One blink: close, stay shut a moment, open (≈0.17 s). */
export const BLINK_DURATION_S = CLOSE_S + SHUT_S + OPEN_S;

/**
 * When to blink: every 2–6 s at random. A blink that falls due while an expression overrides
 * blinking (a full smile closes the eyes its own way) is skipped and the next one scheduled.
 */
export class BlinkScheduler {
  /** Eyelid closure 0 (open) … 1 (shut). */
  value = 0;
  /** Blinks started so far (tests and diagnostics). */
  count = 0;
  private untilNext: number;
  private sinceStart = -1;

  constructor(private readonly random: RandomSource) {
    this.untilNext = this.nextInterval();
  }

  update(dt: number, suppressed: boolean): void {
    if (this.sinceStart >= 0) {
      this.sinceStart += dt;
      const t = this.sinceStart;
      if (t >= BLINK_DURATION_S) {
        this.sinceStart = -1;
        this.value = 0;
      } else if (t < CLOSE_S) this.value = t / CLOSE_S;
      else if (t < CLOSE_S + SHUT_S) this.value = 1;
      else this.value = 1 - (t - CLOSE_S - SHUT_S) / OPEN_S;
      if (suppressed) this.value = 0;
      return;
    }
    this.untilNext -= dt;
    if (this.untilNext > 0) return;
    this.untilNext = this.nextInterval();
    if (suppressed) return;
    this.count++;
    this.sinceStart = 0;
    this.value = 0;
  }

  private nextInterval(): number {
    return randomBetween(this.random, MIN_INTERVAL_S, MAX_INTERVAL_S);
  }
}
