import { startModelProcess } from "../../process";
import type { WhisperLoader } from "./whisperModel";
import type { WhisperProcessData, WhisperProcessReady, WhisperRequest } from "./whisperProcessProtocol";

const WHISPER_PROCESS = new URL("./whisperProcess.ts", import.meta.url).href;

/**
 * Loads Whisper in a child process of its own (see whisperProcess.ts for why not this thread or a
 * worker thread): the rooms' event loop stays free while a segment is transcribed. Samples travel
 * as structured clones, not JSON. A crash rejects the segment in flight and calls onStopped.
 */
export const loadWhisperInChildProcess: WhisperLoader = async ({ model, cacheDir, onProgress, signal, onStopped }) => {
  const setup: WhisperProcessData = { model, cacheDir };
  const whisper = await startModelProcess<WhisperProcessReady, WhisperRequest, string>({
    name: "Whisper",
    module: WHISPER_PROCESS,
    setup,
    ...(onProgress ? { onProgress } : {}),
    ...(signal ? { signal } : {}),
    ...(onStopped ? { onStopped } : {}),
  });
  return {
    languages: whisper.info.languages && new Set(whisper.info.languages),
    transcribe: (samples, language) => whisper.request({ samples, language }),
    dispose: () => whisper.dispose(),
  };
};
