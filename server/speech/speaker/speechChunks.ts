import type { VisemeCue } from "../../../shared/speech";
import { sliceCues, visemeTimeline } from "../visemes";
import type { SpokenSentence } from "../tts/ttsEngine";
import { encodePcm16 } from "../../../shared/speech";

/** Short enough that a client starts playing soon and a barge-in drops little; long enough to stay few messages. */
export const MAX_CHUNK_S = 0.5;

export interface SpeechChunk {
  /** Mono 16-bit little-endian PCM. */
  pcm: Uint8Array;
  /** Timed from the start of this chunk. */
  visemes: VisemeCue[];
  seconds: number;
}

/** One spoken sentence as the chunks sent to the room, each with its own stretch of the mouth's timeline. */
export function speechChunks(spoken: SpokenSentence, maxChunkS = MAX_CHUNK_S): SpeechChunk[] {
  const { samples, sampleRate } = spoken;
  const cues = visemeTimeline(spoken, samples, sampleRate);
  const chunkLength = Math.max(1, Math.floor(maxChunkS * sampleRate));
  const chunks: SpeechChunk[] = [];
  for (let start = 0; start < samples.length; start += chunkLength) {
    const end = Math.min(samples.length, start + chunkLength);
    // The last chunk takes the cues at and after its end too (the closing one sits exactly there).
    const endS = end === samples.length ? Number.POSITIVE_INFINITY : end / sampleRate;
    chunks.push({ pcm: encodePcm16(samples.subarray(start, end)), visemes: sliceCues(cues, start / sampleRate, endS), seconds: (end - start) / sampleRate });
  }
  return chunks;
}
