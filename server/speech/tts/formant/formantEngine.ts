import type { SpeechRequest, SpeechStream, TtsEngine } from "../ttsEngine";
import { phonesToIpa } from "./arpabetToIpa";
import { runFlite } from "./fliteProgram";
import { fliteVoiceFor } from "./fliteVoices";
import { SentenceSpeechStream } from "./sentenceSpeechStream";

export const MIN_SPEED = 0.5;
export const MAX_SPEED = 2;

/**
 * The offline voice: flite (a formant/clustergen synthesiser compiled to WASI), 16 kHz, English
 * only whatever the request's language. Always there, no model to download. Synthesis runs
 * synchronously on the calling thread: the server runs it in the worker host.
 */
export class FormantEngine implements TtsEngine {
  readonly name = "formant";

  speak(request: SpeechRequest): SpeechStream {
    checkSpeechRequest(request);
    const voice = fliteVoiceFor(request.voice);
    return new SentenceSpeechStream(async (text) => {
      const { samples, sampleRate, phones } = await runFlite({ text, voice, rate: request.speed });
      return { text, phonemes: phonesToIpa(phones), samples, sampleRate };
    });
  }

  async dispose(): Promise<void> {
    // Nothing is held between sentences but the compiled module, shared by the thread.
  }
}

/** Refuses a request no engine can speak, before anything starts. */
export function checkSpeechRequest(request: SpeechRequest): void {
  if (typeof request?.voice !== "string") throw new TypeError("speech voice must be a string (an engine voice id)");
  if (typeof request.language !== "string") throw new TypeError("speech language must be a BCP-47 string such as en");
  if (typeof request.speed !== "number" || !(request.speed >= MIN_SPEED && request.speed <= MAX_SPEED)) {
    throw new RangeError(`speech speed must be a number from ${MIN_SPEED} to ${MAX_SPEED}, got ${String(request.speed)}`);
  }
}
