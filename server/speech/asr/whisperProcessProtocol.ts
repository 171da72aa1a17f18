/** What the Whisper process is started with. */
export interface WhisperProcessData {
  model: string;
  cacheDir: string;
}

/** What it says once loaded: the model's language codes, null for an English-only model. */
export interface WhisperProcessReady {
  languages: string[] | null;
}

/** One segment to transcribe; the answer is its raw text. */
export interface WhisperRequest {
  samples: Float32Array;
  language: string | undefined;
}
