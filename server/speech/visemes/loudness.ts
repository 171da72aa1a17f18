/** Frames of 20 ms: about one video frame at 50 fps, short enough for a stop consonant. */
export const LOUDNESS_FRAME_S = 0.02;
/** Quieter than this (RMS, full scale 1) is silence whatever the voice. */
const SILENCE_FLOOR = 0.004;
/** …and so is anything under this share of the sentence's typical loudness. */
const SILENCE_SHARE = 0.12;

/** How loud a piece of speech is, frame by frame, measured against itself. */
export interface Loudness {
  frameS: number;
  /** RMS per frame. */
  rms: Float32Array;
  /** Below this a frame is silence. */
  silence: number;
  /** The typical level of its voiced frames (their 80th percentile): "normally loud". */
  typical: number;
  /** First and last voiced frame's times (s); both 0 when it is all silence. */
  voicedFrom: number;
  voicedTo: number;
}

export function measureLoudness(samples: Float32Array, sampleRate: number): Loudness {
  const frameLength = Math.max(1, Math.round(sampleRate * LOUDNESS_FRAME_S));
  const frameS = frameLength / sampleRate;
  const rms = new Float32Array(Math.ceil(samples.length / frameLength));
  for (let frame = 0; frame < rms.length; frame++) {
    const end = Math.min(samples.length, (frame + 1) * frameLength);
    let sum = 0;
    for (let i = frame * frameLength; i < end; i++) sum += samples[i]! * samples[i]!;
    rms[frame] = Math.sqrt(sum / (end - frame * frameLength));
  }
  const audible = [...rms].filter((value) => value >= SILENCE_FLOOR).sort((a, b) => a - b);
  const typical = audible[Math.floor(audible.length * 0.8)] ?? 0;
  const silence = Math.max(SILENCE_FLOOR, typical * SILENCE_SHARE);
  const first = rms.findIndex((value) => value >= silence);
  const last = rms.findLastIndex((value) => value >= silence);
  return {
    frameS,
    rms,
    silence,
    typical,
    voicedFrom: first < 0 ? 0 : first * frameS,
    voicedTo: last < 0 ? 0 : Math.min(samples.length / sampleRate, (last + 1) * frameS),
  };
}

/** The frame's level at `time` over the typical level (0 in silence). */
export function loudnessAt(loudness: Loudness, time: number): number {
  const value = loudness.rms[Math.min(loudness.rms.length - 1, Math.floor(time / loudness.frameS))] ?? 0;
  return value < loudness.silence ? 0 : value / loudness.typical;
}

/** Runs of silence between voiced frames at least `minS` long, as [start, end) in seconds. */
export function silentGaps(loudness: Loudness, minS: number): [number, number][] {
  const gaps: [number, number][] = [];
  const { rms, silence, frameS } = loudness;
  let start = -1;
  for (let frame = 0; frame < rms.length; frame++) {
    const quiet = rms[frame]! < silence;
    if (quiet && start < 0) start = frame;
    if (!quiet && start >= 0) {
      // Only gaps inside the speech: leading silence is not a gap.
      if (start > 0 && (frame - start) * frameS >= minS - 1e-9) gaps.push([start * frameS, frame * frameS]);
      start = -1;
    }
  }
  return gaps;
}
