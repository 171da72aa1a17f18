import { SentenceSpeechStream, checkSpeechRequest } from "../stream";
import type { SpeechRequest, SpeechStream, TtsEngine } from "../ttsEngine";
import { phonesToIpa } from "./arpabetToIpa";
import { runFlite } from "./fliteProgram";
import { fliteVoiceFor } from "./fliteVoices";

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
