import { pipeline, type AutomaticSpeechRecognitionPipeline } from "@huggingface/transformers";
import { loadTransformersModel, type ModelProgressEvent } from "../../models";

/** A loaded Whisper model: 16 kHz samples in, text out. */
export interface WhisperModel {
  /** The language codes it has tokens for ("en", "fr"…); null for an English-only model (".en"), which takes none. */
  readonly languages: ReadonlySet<string> | null;
  /** `language`: a code from `languages`, undefined for an English-only model. Resolves to the raw text. */
  transcribe(samples: Float32Array, language: string | undefined): Promise<string>;
  dispose(): Promise<void>;
}

export interface WhisperLoadOptions {
  /** A Hugging Face model id (downloaded into `cacheDir` on first use) or an absolute model directory. */
  model: string;
  /** `<data dir>/models`. */
  cacheDir: string;
  onProgress?: (event: ModelProgressEvent) => void;
  /** Aborted when the recognizer shuts down: a loader still loading stops and rejects. */
  signal?: AbortSignal;
  /** Called once if the loaded model stops by itself (its process crashed): it transcribes no more. */
  onStopped?: (reason: string) => void;
}

/** How a recognizer gets its model (the default runs it in a child process; tests hold it pending). */
export type WhisperLoader = (options: WhisperLoadOptions) => Promise<WhisperModel>;

// pipeline()'s overloads over every task make the checker give up (TS2590); this is the one used.
const createRecognizer = pipeline as unknown as (task: "automatic-speech-recognition", model: string, options: object) => Promise<AutomaticSpeechRecognitionPipeline>;

interface WhisperGenerationConfig {
  is_multilingual?: boolean | null;
  lang_to_id?: Record<string, number> | null;
}

/**
 * Loads Whisper through transformers.js in this thread: q8 weights (encoder_model_quantized.onnx
 * and decoder_model_merged_quantized.onnx, which onnx-community/whisper-base ships), on the CPU.
 * A second of silence is transcribed once before the model counts as loaded: it proves the files
 * work before the download is marked complete, and the first real segment skips ONNX's warm-up.
 */
export async function loadWhisper(options: WhisperLoadOptions): Promise<WhisperModel> {
  return loadTransformersModel(options, async (loadOptions) => {
    const recognizer = await createRecognizer("automatic-speech-recognition", options.model, { ...loadOptions, dtype: "q8", device: "cpu" });
    const generation = (recognizer.model as unknown as { generation_config?: WhisperGenerationConfig }).generation_config ?? {};
    const languageTokens = Object.keys(generation.lang_to_id ?? {});
    const multilingual = generation.is_multilingual ?? languageTokens.length > 0;
    const languages = multilingual ? new Set(languageTokens.map((token) => token.replace(/^<\|(.*)\|>$/, "$1"))) : null;
    const transcribe = async (samples: Float32Array, language: string | undefined) => {
      const output = await recognizer(samples, language === undefined ? {} : { language, task: "transcribe" });
      return (Array.isArray(output) ? output[0]! : output).text;
    };
    await transcribe(new Float32Array(16_000), languages === null ? undefined : languages.has("en") ? "en" : [...languages][0]);
    return { languages, transcribe, dispose: () => recognizer.dispose() };
  });
}
