/** What a reply is spoken with: from the persona's voice settings. */
export interface SpeechRequest {
  /** An engine voice id (Kokoro: af_heart, bm_george…); an engine that lacks it uses its default. */
  voice: string;
  /** 0.5–2. */
  speed: number;
  /** BCP-47 tag, e.g. "en" or "en-GB". */
  language: string;
}

/** One sentence, spoken. */
export interface SpokenSentence {
  text: string;
  /** IPA phonemes as the engine spoke them; empty when the engine gives none (visemes then come from letters). */
  phonemes: string;
  /** Mono, −1…1. */
  samples: Float32Array;
  sampleRate: number;
}

/**
 * One reply being spoken. Text arrives as the model writes it (`push`, any pieces); sentences come
 * out in order as soon as each is synthesised, the first while later text is still arriving.
 * `close` says no more text comes: the last sentence is still spoken. `cancel` drops everything
 * not yet yielded and ends the iteration at once.
 */
export interface SpeechStream extends AsyncIterable<SpokenSentence> {
  push(text: string): void;
  close(): void;
  cancel(): void;
}

export type TtsEngineName = "kokoro" | "formant";

export interface TtsEngine {
  readonly name: TtsEngineName;
  speak(request: SpeechRequest): SpeechStream;
  /** Frees the model (and the worker thread, if any). */
  dispose(): Promise<void>;
}
