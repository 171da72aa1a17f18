import { KokoroTTS, TextSplitterStream } from "kokoro-js";
import { createLogger, type Logger } from "../../../logging";
import type { ModelProgressEvent } from "../../../models";
import { SentenceSpeechStream, checkSpeechRequest } from "../stream";
import type { SpeechRequest, SpeechStream, SpokenSentence, TtsEngine } from "../ttsEngine";
import { loadKokoro } from "./kokoroModel";
import type { KokoroModelOptions } from "./kokoroModelFiles";
import { chooseKokoroVoice } from "./kokoroVoices";

/**
 * Kokoro-82M through kokoro-js: 24 kHz speech from espeak-ng phonemes (the phonemizer package,
 * WASM). American and British English only: another language is read with the voice's accent.
 * The voice files ship inside kokoro-js (read from its `voices/` folder, never fetched).
 */
export class KokoroEngine implements TtsEngine {
  readonly name = "kokoro";
  private readonly warned = new Set<string>();
  private readonly inFlight = new Set<Promise<SpokenSentence>>();
  private disposed = false;

  constructor(
    private readonly tts: KokoroTTS,
    private readonly logger: Pick<Logger, "warn">,
  ) {}

  speak(request: SpeechRequest): SpeechStream {
    if (this.disposed) throw new Error("this Kokoro engine is disposed");
    checkSpeechRequest(request);
    const { voice, fallback } = chooseKokoroVoice(this.tts.voices, request.voice, request.language);
    if (fallback) this.warnOnce(fallback);
    if (!/^en\b/i.test(request.language)) this.warnOnce(`Kokoro speaks English only: "${request.language}" is read in English`);
    return new SentenceSpeechStream((sentence) => this.track(this.synthesise(sentence, voice as KokoroVoice, request.speed)));
  }

  /** Waits for the sentence being synthesised (its session must not be freed under it); open streams then fail. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.allSettled(this.inFlight);
    await this.tts.model.dispose();
  }

  private track(synthesis: Promise<SpokenSentence>): Promise<SpokenSentence> {
    this.inFlight.add(synthesis);
    const untrack = () => this.inFlight.delete(synthesis);
    synthesis.then(untrack, untrack);
    return synthesis;
  }

  /** One sentence through kokoro-js' stream: phonemes (espeak-ng), tokens, the ONNX model, in one run. */
  private async synthesise(sentence: string, voice: KokoroVoice, speed: number): Promise<SpokenSentence> {
    if (this.disposed) throw new Error("this Kokoro engine is disposed");
    for await (const { phonemes, audio } of this.tts.stream(new OneSentence(sentence), { voice, speed })) {
      return { text: sentence, phonemes, samples: audio.audio, sampleRate: audio.sampling_rate };
    }
    throw new Error(`Kokoro spoke nothing for "${sentence}"`);
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.logger.warn(message);
  }
}

type KokoroVoice = NonNullable<Parameters<KokoroTTS["generate"]>[1]>["voice"];

/**
 * The stream() input for a sentence already cut (SentenceSpeechStream cuts the reply): stream()
 * takes a TextSplitterStream or a string, and a string goes into a splitter that is never closed,
 * so its last sentence never comes out. A closed splitter would cut the sentence again by its own
 * rules (at "\n", say), making several model runs of one sentence.
 */
class OneSentence extends TextSplitterStream {
  constructor(private readonly sentence: string) {
    super();
  }

  override async *[Symbol.asyncIterator](): AsyncGenerator<string, void, void> {
    yield this.sentence;
  }
}

/** Plain settings, so that the worker host can create the engine in its thread. */
export interface KokoroEngineOptions extends KokoroModelOptions {
  /** False: use only a model already in the data folder (the `auto` choice decides with kokoroModelPresent). */
  allowDownload?: boolean;
}

/** Loads the model (downloading it on first use, with progress) and makes the engine. */
export async function createKokoroEngine(
  options: KokoroEngineOptions,
  onProgress?: (event: ModelProgressEvent) => void,
  logger: Pick<Logger, "warn"> = createLogger("info").child({ module: "tts:kokoro" }),
): Promise<KokoroEngine> {
  const tts = await loadKokoro({ ...options, ...(onProgress ? { onProgress } : {}) });
  return new KokoroEngine(tts, logger);
}
