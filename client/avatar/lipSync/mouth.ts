import { approach, clamp01 } from "../easing";
import { TimelinePlayer } from "./timelinePlayer";
import { emptyVisemeWeights, VISEMES, type AudioClock, type VisemeCue, type VisemeWeights } from "./visemes";

/** Mouth shapes follow their targets with this lag (s): quick, yet no frame-to-frame flicker. */
const MOUTH_TAU = 0.04;
/** An amplitude older than this is treated as silence (the audio stopped reporting). */
const AMPLITUDE_STALE_S = 0.3;

/**
 * The mouth: a viseme timeline (voice or text) when there is one, else the audio amplitude
 * (open "aa" with some rounded "oh"), else closed. Weights ease towards their targets.
 */
export class Mouth {
  /** Applied mouth weights, updated in place. */
  readonly weights: VisemeWeights = emptyVisemeWeights();
  private readonly target: VisemeWeights = emptyVisemeWeights();
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
    if (this.player.playing) this.player.sample(this.target);
    else {
      for (const v of VISEMES) this.target[v] = 0;
      if (this.amplitudeAge < AMPLITUDE_STALE_S) {
        this.target.aa = this.amplitude * 0.75;
        this.target.oh = this.amplitude * 0.3;
      }
    }
    for (const v of VISEMES) {
      const w = approach(this.weights[v], this.target[v], dt, MOUTH_TAU);
      this.weights[v] = w < 1e-4 ? 0 : w;
    }
  }
}
