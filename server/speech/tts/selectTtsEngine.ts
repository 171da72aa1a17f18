import type { SpeechStatus } from "../../../shared/speech";
import type { Config } from "../../config";
import type { Logger } from "../../logging";
import { createModelProgress, type ModelProgressEvent } from "../../models";
import { kokoroModelPresent } from "./kokoro";
import type { SpeechRequest, SpeechStream, TtsEngine, TtsEngineName } from "./ttsEngine";
import { workerEngine, type WorkerTtsEngine } from "./worker";

export type TtsSettings = Pick<Config, "ttsEngine" | "ttsModel" | "ttsDtype" | "dataDir">;

export interface SelectTtsOptions {
  log: Logger;
  /** Every model progress event, besides the log lines and the status this selection keeps. */
  onProgress?: (event: ModelProgressEvent) => void;
  /** Where the download's progress line is drawn (the server's terminal); default none. */
  terminal?: NodeJS.WriteStream | null;
  /** Where models download from instead of the Hugging Face Hub (a mirror). */
  modelHost?: string;
}

/** The engine companions speak with: `auto` may swap the formant voice for Kokoro once it is ready. */
export interface SelectedTtsEngine extends TtsEngine {
  /** For GET /api/speech/status. */
  status(): SpeechStatus["tts"];
  /** Settles when a background Kokoro download has ended, switched over or not (at once if none). */
  readonly settled: Promise<void>;
}

/**
 * Makes the TTS engine `KINDRED_TTS` asks for, each in its own worker (worker/):
 * - `none`: undefined, companions only write.
 * - `formant`: the offline voice.
 * - `kokoro`: Kokoro, downloaded first if needed; a model that cannot be loaded is an error.
 * - `auto`: Kokoro when its model is already in the data folder. Otherwise the formant voice at
 *   once, so the first words never wait for a 90 MB download, while Kokoro downloads in the
 *   background and takes over when it is ready; offline, the formant voice stays (one log line).
 */
export async function selectTtsEngine(config: TtsSettings, options: SelectTtsOptions): Promise<SelectedTtsEngine | undefined> {
  const { log } = options;
  const progress = createModelProgress({ logger: log, terminal: options.terminal ?? null, label: "voice model" });
  const report = (event: ModelProgressEvent) => {
    progress.report(event);
    options.onProgress?.(event);
  };
  const kokoro = (allowDownload: boolean) =>
    workerEngine(
      "kokoro",
      {
        model: config.ttsModel,
        dtype: config.ttsDtype,
        dataDir: config.dataDir,
        allowDownload,
        ...(options.modelHost ? { modelHost: options.modelHost } : {}),
      },
      report,
    );

  switch (config.ttsEngine) {
    case "none":
      return undefined;
    case "formant":
      return new SelectedEngine(await started(workerEngine("formant")));
    case "kokoro":
      return new SelectedEngine(await started(kokoro(true), "KINDRED_TTS=kokoro"));
  }

  const settings = { model: config.ttsModel, dtype: config.ttsDtype, dataDir: config.dataDir };
  if (kokoroModelPresent(settings)) {
    try {
      return new SelectedEngine(await started(kokoro(false)));
    } catch (error) {
      log.warn(`${(error as Error).message}; companions speak with the formant voice`);
      return new SelectedEngine(await started(workerEngine("formant")));
    }
  }
  const selected = new SelectedEngine(await started(workerEngine("formant")), () => progress.downloading);
  log.info(`the Kokoro voice model ${config.ttsModel} is not in ${config.dataDir}/models: companions speak with the formant voice while it downloads`);
  selected.switchWhenReady(kokoro(true), (error) => {
    log.info(`the Kokoro voice model could not be downloaded (${error.message}): companions keep the formant voice`);
  });
  return selected;
}

/** Waits for the engine to load; a failure disposes it and names the setting that asked for it. */
async function started(engine: WorkerTtsEngine, setting?: string): Promise<WorkerTtsEngine> {
  try {
    await engine.ready();
    return engine;
  } catch (error) {
    await engine.dispose();
    throw setting ? new Error(`${setting}: ${(error as Error).message}`, { cause: error }) : error;
  }
}

class SelectedEngine implements SelectedTtsEngine {
  settled: Promise<void> = Promise.resolve();
  private pending: WorkerTtsEngine | undefined;

  constructor(
    private current: WorkerTtsEngine,
    private readonly downloading: () => SpeechStatus["tts"]["downloading"] = () => undefined,
  ) {}

  get name(): TtsEngineName {
    return this.current.name;
  }

  speak(request: SpeechRequest): SpeechStream {
    return this.current.speak(request);
  }

  status(): SpeechStatus["tts"] {
    const downloading = this.pending ? this.downloading() : undefined;
    return { engine: this.current.name, ...(downloading ? { downloading } : {}) };
  }

  /** Loads `next` in the background; once ready, new replies use it and the current engine retires. */
  switchWhenReady(next: WorkerTtsEngine, onFailure: (error: Error) => void): void {
    this.pending = next;
    this.settled = next.ready().then(
      () => {
        if (this.pending !== next) return;
        this.pending = undefined;
        const previous = this.current;
        this.current = next;
        previous.retire();
      },
      async (error: Error) => {
        if (this.pending !== next) return;
        this.pending = undefined;
        await next.dispose();
        onFailure(error);
      },
    );
  }

  async dispose(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    await Promise.all([this.current.dispose(), pending?.dispose()]);
  }
}
