/**
 * A WorkerEngineModule for the worker host's failure tests: the formant voice, except that it
 * fails to load when asked to, and its thread dies when it is told to speak the word "crash".
 */
import { FormantEngine } from "../../../../../server/speech/tts/formant";
import type { WorkerEngineOptions } from "../../../../../server/speech/tts/worker";
import type { SpeechRequest, SpeechStream, TtsEngine } from "../../../../../server/speech/tts/ttsEngine";

export async function createTtsEngine(options: WorkerEngineOptions): Promise<TtsEngine> {
  if (typeof options.failLoad === "string") throw new Error(options.failLoad);
  const formant = new FormantEngine();
  return {
    name: "formant",
    speak(request: SpeechRequest): SpeechStream {
      const stream = formant.speak(request);
      return {
        push(text) {
          if (text.includes("crash")) process.exit(7);
          stream.push(text);
        },
        close: () => stream.close(),
        cancel: () => stream.cancel(),
        [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator](),
      };
    },
    dispose: () => formant.dispose(),
  };
}
