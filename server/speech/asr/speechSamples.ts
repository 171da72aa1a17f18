import { VOICE_SEGMENT_MAX_SECONDS, VOICE_SEGMENT_SAMPLE_RATE } from "../../../shared/speech";

const FRAME_SECONDS = 0.01;
/** Frames quieter than this (RMS, ≈ −70 dBFS, a few 16-bit steps) are silence whatever the speech around them. */
const SILENCE_RMS = 3e-4;
/** Frames more than 30 dB under the loudest frame count as silence at the ends: quiet speech stays, hiss goes. */
const RELATIVE_SILENCE = 10 ** (-30 / 20);
/** Kept on each side of the speech found: Whisper hears a word's onset better with a little lead-in. */
const MARGIN_SECONDS = 0.25;

/**
 * Checks a speech segment (beyond its message schema) and trims the silence at its ends: 16 kHz,
 * at most 30 s, finite samples. Returns the samples to transcribe, empty when the segment is
 * silent throughout. Throws a RangeError that says what is wrong.
 */
export function prepareSpeechSamples(samples: Float32Array, sampleRate: number): Float32Array {
  if (sampleRate !== VOICE_SEGMENT_SAMPLE_RATE) {
    throw new RangeError(`speech must be sampled at ${VOICE_SEGMENT_SAMPLE_RATE} Hz, not ${sampleRate} Hz`);
  }
  const seconds = samples.length / sampleRate;
  if (seconds > VOICE_SEGMENT_MAX_SECONDS) {
    throw new RangeError(`speech segment is ${seconds.toFixed(1)} s long; the most is ${VOICE_SEGMENT_MAX_SECONDS} s`);
  }
  const bad = samples.findIndex((sample) => !Number.isFinite(sample));
  if (bad >= 0) throw new RangeError(`speech samples must be finite numbers (sample ${bad} is ${samples[bad]})`);
  return trimSilence(samples, sampleRate);
}

function trimSilence(samples: Float32Array, sampleRate: number): Float32Array {
  const frame = Math.round(FRAME_SECONDS * sampleRate);
  const loudness = new Float32Array(Math.ceil(samples.length / frame));
  for (let f = 0; f < loudness.length; f++) {
    const end = Math.min(samples.length, (f + 1) * frame);
    let energy = 0;
    for (let i = f * frame; i < end; i++) energy += samples[i]! * samples[i]!;
    loudness[f] = Math.sqrt(energy / (end - f * frame));
  }
  const threshold = Math.max(SILENCE_RMS, Math.max(...loudness) * RELATIVE_SILENCE);
  const first = loudness.findIndex((rms) => rms >= threshold);
  if (first < 0) return new Float32Array(0);
  const last = loudness.findLastIndex((rms) => rms >= threshold);
  const margin = Math.round(MARGIN_SECONDS * sampleRate);
  return samples.subarray(Math.max(0, first * frame - margin), Math.min(samples.length, (last + 1) * frame + margin));
}
