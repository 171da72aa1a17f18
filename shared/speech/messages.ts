import { z } from "zod";
import type { VisemeCue } from "./visemes";

/** Sample rate of every speech segment a client sends (mono, 16-bit little-endian PCM). */
export const VOICE_SEGMENT_SAMPLE_RATE = 16_000;
/** Longest speech segment the server takes, in seconds. */
export const VOICE_SEGMENT_MAX_SECONDS = 30;
/** Shortest: anything under this is a click, not speech. */
export const VOICE_SEGMENT_MIN_SECONDS = 0.2;
/** The PCM bytes of the longest segment the server takes (16-bit samples). */
export const VOICE_SEGMENT_MAX_BYTES = VOICE_SEGMENT_MAX_SECONDS * VOICE_SEGMENT_SAMPLE_RATE * 2;

/**
 * `companion:audio`, broadcast to the room (msgpack carries `pcm` as binary): one chunk of a
 * companion's speech, in order per companion. `sentenceSeq` is the `seq` of the
 * `companion:sentence` it voices; visemes are timed from the start of this chunk.
 */
export interface CompanionAudioEvent {
  companionId: string;
  /** Counts replies of this companion in this room; a new one means the old one is over. */
  utteranceId: number;
  /** 0, 1, 2… within the utterance. */
  seq: number;
  sentenceSeq: number;
  sampleRate: number;
  /** Mono 16-bit little-endian PCM. */
  pcm: Uint8Array;
  visemes: VisemeCue[];
}

/** `companion:audio-stop`, broadcast: drop everything queued and playing of this companion now. */
export interface CompanionAudioStopEvent {
  companionId: string;
  utteranceId: number;
}

/** `voice:start`, client → server: the player started speaking (barge-in: their companion stops). */
export const VoiceStartMessage = z.object({}).strict();
export type VoiceStartMessage = z.infer<typeof VoiceStartMessage>;

/** `voice:segment`, client → server: one spoken segment, to be transcribed and heard like typed chat. */
export const VoiceSegmentMessage = z
  .object({
    sampleRate: z.literal(VOICE_SEGMENT_SAMPLE_RATE, { error: `sampleRate must be ${VOICE_SEGMENT_SAMPLE_RATE}` }),
    pcm: z
      .instanceof(Uint8Array, { error: "pcm must be binary (16-bit PCM bytes)" })
      .refine((pcm) => pcm.byteLength % 2 === 0, "pcm must hold whole 16-bit samples (an even number of bytes)")
      .refine((pcm) => pcm.byteLength >= VOICE_SEGMENT_MIN_SECONDS * VOICE_SEGMENT_SAMPLE_RATE * 2, `speech segment is shorter than ${VOICE_SEGMENT_MIN_SECONDS} s`)
      .refine((pcm) => pcm.byteLength <= VOICE_SEGMENT_MAX_BYTES, `speech segment is longer than ${VOICE_SEGMENT_MAX_SECONDS} s`),
  })
  .strict();
export type VoiceSegmentMessage = z.infer<typeof VoiceSegmentMessage>;

/** `voice:transcript`, server → the speaker: what the server heard in their segment (then handled as chat). */
export interface VoiceTranscriptEvent {
  text: string;
}

/** GET /api/speech/status: what the voice can do on this server right now. */
export interface SpeechStatus {
  tts: {
    /** The engine speaking now (auto resolves to one; formant while Kokoro downloads). */
    engine: "kokoro" | "formant" | "none";
    /** Set while a model downloads: 0–1. */
    downloading?: { file: string; progress: number };
  };
  asr: {
    available: boolean;
    /** Why not, in words for the mic button (e.g. "speech recognition is off on this server: KINDRED_ASR_MODEL=none"). */
    reason?: string;
    downloading?: { file: string; progress: number };
  };
}
