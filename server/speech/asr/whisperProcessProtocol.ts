import type { ModelProgressEvent } from "../../models";

/** What the Whisper process is started with (its one argument, as JSON). */
export interface WhisperProcessData {
  model: string;
  cacheDir: string;
}

/** server → Whisper process */
export type ToWhisperProcess = { type: "transcribe"; id: number; samples: Float32Array; language: string | undefined };

/** Whisper process → server */
export type FromWhisperProcess =
  | { type: "progress"; event: ModelProgressEvent }
  | { type: "ready"; languages: string[] | null }
  | { type: "failed"; message: string }
  | { type: "transcript"; id: number; text: string }
  | { type: "transcribe-failed"; id: number; message: string };
