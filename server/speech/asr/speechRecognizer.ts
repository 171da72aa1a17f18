import type { SpeechStatus } from "../../../shared/speech";

/** Turns a player's speech segment into text (Whisper through @huggingface/transformers). */
export interface SpeechRecognizer {
  /**
   * `samples`: mono −1…1 at `sampleRate` (16 kHz); `language`: BCP-47 tag from the persona.
   * Resolves to the words heard, trimmed ("" when none). Rejects with a SpeechUnavailableError
   * while there is no model (none configured, or still downloading).
   */
  transcribe(samples: Float32Array, sampleRate: number, language: string): Promise<string>;
  status(): SpeechStatus["asr"];
  dispose(): Promise<void>;
}

/**
 * Speech cannot be recognised now (off, downloading, failed, or a language the model lacks):
 * the message is meant for the speaker, as it is (the room answers with `asr_unavailable`).
 */
export class SpeechUnavailableError extends Error {
  override readonly name = "SpeechUnavailableError";
}
