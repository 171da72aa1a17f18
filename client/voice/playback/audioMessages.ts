import { z } from "zod";
import { VISEMES, type CompanionAudioEvent, type CompanionAudioStopEvent } from "../../../shared/speech";

/** WebAudio plays buffers at 3 kHz to 768 kHz; speech never needs more than 96 kHz. */
const MIN_SAMPLE_RATE = 3_000;
const MAX_SAMPLE_RATE = 96_000;

const VisemeCueSchema = z.object({
  time: z.number().finite().nonnegative(),
  viseme: z.enum(VISEMES),
  weight: z.number().min(0).max(1),
});

/** `companion:audio` as the client trusts it: a malformed chunk is refused before it reaches the speakers or the mouth. */
const CompanionAudioSchema = z.object({
  companionId: z.string().min(1),
  utteranceId: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
  sentenceSeq: z.number().int().nonnegative(),
  sampleRate: z.number().int().min(MIN_SAMPLE_RATE).max(MAX_SAMPLE_RATE),
  pcm: z
    .instanceof(Uint8Array, { error: "pcm must be binary" })
    .refine((pcm) => pcm.byteLength > 0 && pcm.byteLength % 2 === 0, "pcm must hold whole 16-bit samples"),
  visemes: z
    .array(VisemeCueSchema)
    .refine((cues) => cues.every((cue, i) => i === 0 || cue.time >= cues[i - 1]!.time), "viseme cues must be in time order"),
});

const CompanionAudioStopSchema = z.object({
  companionId: z.string().min(1),
  utteranceId: z.number().int().nonnegative(),
});

/** The chunk, checked; throws an error naming every problem when it is not a valid `companion:audio`. */
export function parseAudioChunk(message: unknown): CompanionAudioEvent {
  const result = CompanionAudioSchema.safeParse(message);
  if (!result.success) throw new Error(`companion:audio refused: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** `companion:audio-stop`, checked the same way. */
export function parseAudioStop(message: unknown): CompanionAudioStopEvent {
  const result = CompanionAudioStopSchema.safeParse(message);
  if (!result.success) throw new Error(`companion:audio-stop refused: ${z.prettifyError(result.error)}`);
  return result.data;
}
