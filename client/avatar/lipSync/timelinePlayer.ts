import { VISEMES, type AudioClock, type VisemeCue, type VisemeWeights } from "./visemes";

/** Seconds a shape takes to blend into the next one at most (shorter when cues are closer). */
const MAX_BLEND_S = 0.08;

/**
 * Plays a viseme timeline against an audio clock: at each moment the current cue's shape,
 * blending into the next one just before it starts. Reads the clock, never its own time, so
 * the mouth stays on the audio even when frames drop.
 */
export class TimelinePlayer {
  private cues: readonly VisemeCue[] = [];
  private clock: AudioClock | null = null;
  private cursor = 0;
  private scratch: Float64Array | null = null;

  get playing(): boolean {
    return this.clock !== null;
  }

  play(cues: readonly VisemeCue[], clock: AudioClock): void {
    for (let i = 1; i < cues.length; i++) {
      if (cues[i]!.time < cues[i - 1]!.time) throw new Error(`viseme cue ${i} is earlier than the one before it`);
    }
    this.cues = cues;
    this.clock = clock;
    this.cursor = 0;
  }

  stop(): void {
    this.clock = null;
    this.cues = [];
  }

  /** Writes the target mouth weights for now into `out`; stops by itself after the last cue. */
  sample(out: VisemeWeights): void {
    const values = (this.scratch ??= new Float64Array(VISEMES.length));
    this.sampleValues(values);
    VISEMES.forEach((viseme, i) => (out[viseme] = values[i]!));
  }

  /** {@link sample} into one weight per viseme, in {@link VISEMES} order (what the mouth uses each frame: no garbage). */
  sampleValues(out: Float64Array): void {
    out.fill(0);
    if (!this.clock) return;
    const now = this.clock();
    const cues = this.cues;
    const last = cues[cues.length - 1];
    if (!last || now >= last.time) {
      this.stop();
      return;
    }
    if (now < cues[0]!.time) return;
    if (this.cursor >= cues.length || cues[this.cursor]!.time > now) this.cursor = 0;
    while (this.cursor + 1 < cues.length && cues[this.cursor + 1]!.time <= now) this.cursor++;
    const cue = cues[this.cursor]!;
    const next = cues[this.cursor + 1];
    let blend = 0;
    if (next) {
      const window = Math.min(MAX_BLEND_S, (next.time - cue.time) * 0.5);
      const start = next.time - window;
      if (window > 0 && now > start) blend = (now - start) / window;
    }
    out[VISEMES.indexOf(cue.viseme)]! += cue.weight * (1 - blend);
    if (next && blend > 0) out[VISEMES.indexOf(next.viseme)]! += next.weight * blend;
  }
}
