import { VOICE_SEGMENT_MAX_SECONDS, VOICE_SEGMENT_MIN_SECONDS, VOICE_SEGMENT_SAMPLE_RATE } from "../../../shared/speech";
import { encodePcm16 } from "../../../shared/speech";

const MAX_SAMPLES = VOICE_SEGMENT_MAX_SECONDS * VOICE_SEGMENT_SAMPLE_RATE;
const MIN_SAMPLES = VOICE_SEGMENT_MIN_SECONDS * VOICE_SEGMENT_SAMPLE_RATE;

/**
 * 16 kHz speech as the `voice:segment` payloads the server takes: a long monologue in pieces
 * of at most 30 s (none of it dropped), a piece shorter than 0.2 s left out (a click, not words).
 */
export function voiceSegments(samples: Float32Array): Uint8Array<ArrayBuffer>[] {
  const segments: Uint8Array<ArrayBuffer>[] = [];
  for (let start = 0; start < samples.length; start += MAX_SAMPLES) {
    const piece = samples.subarray(start, Math.min(samples.length, start + MAX_SAMPLES));
    if (piece.length >= MIN_SAMPLES) segments.push(encodePcm16(piece));
  }
  return segments;
}
