import type { ModelProgressEvent } from "../../../models";
import type { SpeechRequest, TtsEngine } from "../ttsEngine";

/** Settings an engine is created with in its worker: structured-clonable values only. */
export type WorkerEngineOptions = Readonly<Record<string, string | number | boolean>>;

/** What a module loaded in the worker exports: how to make its engine. */
export interface WorkerEngineModule {
  createTtsEngine(options: WorkerEngineOptions, onProgress: (event: ModelProgressEvent) => void): Promise<TtsEngine>;
}

/** Given to the worker when it starts. */
export interface WorkerSetup {
  /** File URL of the WorkerEngineModule to load. */
  engineModule: string;
  options: WorkerEngineOptions;
}

/** Main thread → worker. `id` names one SpeechStream. */
export type ToWorker =
  | { type: "speak"; id: number; request: SpeechRequest }
  | { type: "push"; id: number; text: string }
  | { type: "close"; id: number }
  | { type: "cancel"; id: number };

/** Worker → main thread. A sentence's samples arrive as a transferred buffer, not a copy. */
export type FromWorker =
  | { type: "ready" }
  | { type: "load-failed"; message: string }
  | { type: "progress"; event: ModelProgressEvent }
  | { type: "sentence"; id: number; text: string; phonemes: string; samples: Float32Array; sampleRate: number }
  | { type: "end"; id: number }
  | { type: "error"; id: number; message: string };
