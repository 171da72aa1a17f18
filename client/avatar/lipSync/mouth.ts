import { approach, clamp01 } from "../easing";
import { numberView } from "../numberView";
import { TimelinePlayer } from "./timelinePlayer";
import { VISEMES, type AudioClock, type VisemeCue, type VisemeWeights } from "./visemes";

const AA = VISEMES.indexOf("aa");
const OH = VISEMES.indexOf("oh");

/** Mouth shapes follow their targets with this lag (s): quick, yet no frame-to-frame flicker. */
const MOUTH_TAU = 0.04;
/** An amplitude older than this is treated as silence (the audio stopped reporting). */
const AMPLITUDE_STALE_S = 0.3;

/**
 * The mouth: a viseme timeline (voice or text) when there is one, else the audio amplitude
 * (open "aa" with some rounded "oh"), else closed. Weights ease towards their targets.
 */
export class Mouth {
  /** Applied mouth weights, one per viseme in {@link VISEMES} order, updated in place. */
  readonly values = new Float64Array(VISEMES.length);
  /** The same weights by viseme name (read-only). */
  readonly weights: Readonly<VisemeWeights> = numberView(VISEMES, this.values);
  private readonly target = new Float64Array(VISEMES.length);
  private readonly player = new TimelinePlayer();
  private textTime = 0;
  private readonly textClock: AudioClock = () => this.textTime;
  private amplitude = 0;
  private amplitudeAge = Infinity;

  /** True while a timeline plays or audio amplitude arrives. */
  get speaking(): boolean {
    return this.player.playing || (this.amplitude > 0 && this.amplitudeAge < AMPLITUDE_STALE_S);
  }

  playTimeline(cues: readonly VisemeCue[], clock: AudioClock): void {
    this.player.play(cues, clock);
  }

  /** A timeline with no audio: its clock is this mouth's own time since the call. */
  playText(cues: readonly VisemeCue[]): void {
    this.textTime = 0;
    this.player.play(cues, this.textClock);
  }

  setAmplitude(value: number): void {
    if (!Number.isFinite(value)) throw new Error(`amplitude must be a finite number, got ${value}`);
    this.amplitude = clamp01(value);
    this.amplitudeAge = 0;
  }

  stop(): void {
    this.player.stop();
    this.amplitude = 0;
  }

  update(dt: number): void {
    this.textTime += dt;
    this.amplitudeAge += dt;
    const target = this.target;
    const values = this.values;
    if (this.player.playing) this.player.sampleValues(target);
    else {
      target.fill(0);
      if (this.amplitudeAge < AMPLITUDE_STALE_S) {
        target[AA] = this.amplitude * 0.75;
        target[OH] = this.amplitude * 0.3;
      }
    }
    for (let i = 0; i < values.length; i++) {
      const w = approach(values[i]!, target[i]!, dt, MOUTH_TAU);
      values[i] = w < 1e-4 ? 0 : w;
    }
  }
}
