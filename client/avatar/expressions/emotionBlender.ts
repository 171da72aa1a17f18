import type { Emotion } from "../../../shared/persona";
import { approach } from "../easing";
import { numberView } from "../numberView";

/** The emotions that have a face of their own; `neutral` means "let every one of them go". */
export const FACIAL_EMOTIONS = ["happy", "sad", "angry", "surprised", "relaxed"] as const;
export type FacialEmotion = (typeof FACIAL_EMOTIONS)[number];

/** Time constants (s): ≈95 % of an attack in 0.25 s, of a release in ≈1.5 s. */
const ATTACK_TAU = 0.083;
const RELEASE_TAU = 0.5;
/** An emotion shows at least this long, even when no sentence carries it. */
const MIN_HOLD_S = 1.5;

/**
 * Blends emotion events into expression weights: the newest emotion eases in, is held while
 * the companion speaks (and at least {@link MIN_HOLD_S}), then decays back to neutral; earlier
 * ones fade out meanwhile. The weights are normalised so that they never sum above 1, so two
 * conflicting presets are never both at full weight.
 */
export class EmotionBlender {
  /** Current weight per facial emotion, in {@link FACIAL_EMOTIONS} order, updated in place. */
  readonly values = new Float64Array(FACIAL_EMOTIONS.length);
  /** The same weights by emotion name (read-only). */
  readonly weights: Readonly<Record<FacialEmotion, number>> = numberView(FACIAL_EMOTIONS, this.values);
  private active: FacialEmotion | null = null;
  private heldFor = 0;
  private released = true;

  set(emotion: Emotion): void {
    if (emotion === "neutral") {
      this.released = true;
      return;
    }
    this.active = emotion;
    this.heldFor = 0;
    this.released = false;
  }

  /** The emotion being shown (not yet released), or null. */
  get current(): FacialEmotion | null {
    return this.released ? null : this.active;
  }

  update(dt: number, speaking: boolean): void {
    if (!this.released) {
      this.heldFor += dt;
      if (this.heldFor >= MIN_HOLD_S && !speaking) this.released = true;
    }
    const values = this.values;
    const rising = this.released || this.active === null ? -1 : FACIAL_EMOTIONS.indexOf(this.active);
    let sum = 0;
    for (let i = 0; i < values.length; i++) {
      const w = approach(values[i]!, i === rising ? 1 : 0, dt, i === rising ? ATTACK_TAU : RELEASE_TAU);
      values[i] = w < 1e-4 ? 0 : w;
      sum += values[i]!;
    }
    if (sum > 1) for (let i = 0; i < values.length; i++) values[i]! /= sum;
  }
}
