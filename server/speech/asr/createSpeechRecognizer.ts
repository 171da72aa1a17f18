import path from "node:path";
import type { SpeechStatus } from "../../../shared/speech";
import type { Logger } from "../../logging";
import { createModelProgress, type ModelProgressEvent } from "../../models";
import { loadWhisperInChildProcess } from "./loadWhisperInChildProcess";
import { prepareSpeechSamples } from "./speechSamples";
import { SpeechUnavailableError, type SpeechRecognizer } from "./speechRecognizer";
import { whisperLanguage } from "./whisperLanguage";
import type { WhisperLoader, WhisperModel } from "./whisperModel";

export interface SpeechRecognizerOptions {
  /** config.asrModel: "none", a Hugging Face model id (Whisper) or an absolute model directory. */
  model: string;
  /** Downloads go to `<dataDir>/models`. */
  dataDir: string;
  logger: Logger;
  /** Where the download progress line is drawn; null: log lines only. */
  terminal?: NodeJS.WriteStream | null;
  /** Every progress event of the model's files, for whoever shows them elsewhere. */
  onProgress?: (event: ModelProgressEvent) => void;
  /** How the model is loaded; default: in a child process. */
  loader?: WhisperLoader;
}

type RecognizerState =
  | { kind: "off" }
  | { kind: "loading" }
  | { kind: "ready"; whisper: WhisperModel }
  | { kind: "unavailable"; reason: string };

const OFF_REASON = "speech recognition is off on this server (KINDRED_ASR_MODEL=none); type instead";

/**
 * Speech recognition for one server. The model starts loading (downloading on first use) at once,
 * in the background, so the first segment does not wait for it; until it is ready, or when it
 * cannot be had, `transcribe` rejects with a SpeechUnavailableError and `status` says why.
 */
export function createSpeechRecognizer({ model, dataDir, logger, terminal = null, onProgress, loader = loadWhisperInChildProcess }: SpeechRecognizerOptions): SpeechRecognizer {
  let state: RecognizerState = model === "none" ? { kind: "off" } : { kind: "loading" };
  let disposed = false;
  // Shutting down mid-download stops the download instead of waiting for it.
  const shutdown = new AbortController();
  const progress = createModelProgress({ logger, terminal, label: "speech recognition model" });

  const onLoaded = (whisper: WhisperModel) => {
    if (disposed) {
      whisper.dispose().catch((error: Error) => logger.warn(`speech recognition model did not close: ${error.message}`));
      return;
    }
    state = { kind: "ready", whisper };
    logger.info({ model, languages: whisper.languages ? whisper.languages.size : "English only" }, `speech recognition ready (${model})`);
  };
  const onFailed = (error: Error) => {
    if (disposed) return;
    state = { kind: "unavailable", reason: `speech recognition is unavailable (${error.message}); type instead` };
    logger.warn({ model }, state.reason);
  };
  const reportProgress = (event: ModelProgressEvent) => {
    progress.report(event);
    onProgress?.(event);
  };
  const load = () => {
    state = { kind: "loading" };
    loader({ model, cacheDir: path.join(dataDir, "models"), signal: shutdown.signal, onProgress: reportProgress, onStopped: onCrashed }).then(onLoaded, onFailed);
  };
  // A model that crashed after it worked is loaded again (from disk by now); one that fails to load stays down.
  const onCrashed = (reason: string) => {
    if (disposed) return;
    logger.warn({ model }, `speech recognition stopped (${reason}); loading it again`);
    load();
  };
  if (state.kind === "off") logger.info("speech recognition is off (KINDRED_ASR_MODEL=none): players type instead");
  else load();

  function status(): SpeechStatus["asr"] {
    switch (state.kind) {
      case "off":
        return { available: false, reason: OFF_REASON };
      case "loading": {
        const downloading = progress.downloading;
        if (!downloading) return { available: false, reason: "speech recognition is loading its model" };
        return { available: false, reason: `speech recognition is downloading its model (${Math.floor(downloading.progress * 100)}%)`, downloading };
      }
      case "ready":
        return { available: true };
      case "unavailable":
        return { available: false, reason: state.reason };
    }
  }

  return {
    status,
    async transcribe(samples, sampleRate, language) {
      if (disposed) throw new SpeechUnavailableError("speech recognition was shut down");
      if (state.kind !== "ready") throw new SpeechUnavailableError(status().reason);
      const whisper = state.whisper;
      const code = whisperLanguage(language, whisper.languages);
      const speech = prepareSpeechSamples(samples, sampleRate);
      if (speech.length === 0) return "";
      try {
        return (await whisper.transcribe(speech, code)).trim();
      } catch (error) {
        // Its process went away meanwhile (shut down, or crashed and loading again): say so as such.
        if (disposed) throw new SpeechUnavailableError("speech recognition was shut down");
        if (state.kind !== "ready" || state.whisper !== whisper) throw new SpeechUnavailableError(`speech recognition stopped (${(error as Error).message}); try again in a moment`);
        throw error;
      }
    },
    async dispose() {
      disposed = true;
      shutdown.abort();
      if (state.kind === "ready") await state.whisper.dispose();
    },
  };
}
