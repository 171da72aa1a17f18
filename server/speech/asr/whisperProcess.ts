import { serveModel } from "../../process";
import { loadWhisper } from "./whisperModel";
import type { WhisperProcessData, WhisperProcessReady, WhisperRequest } from "./whisperProcessProtocol";

// The process that owns Whisper. Not the server's thread: onnxruntime-node 1.21 runs a session
// synchronously on the calling thread, and the feature extraction is plain JavaScript. Not a worker
// thread either: its native binding keeps one process-wide reference to a JS constructor, and ONNX
// sessions running in two threads at once (memory embeddings, the voice, this) abort the process.
await serveModel<WhisperProcessData, WhisperProcessReady, WhisperRequest, string>(async ({ model, cacheDir }, onProgress) => {
  const whisper = await loadWhisper({ model, cacheDir, onProgress });
  return {
    info: { languages: whisper.languages && [...whisper.languages] },
    handle: ({ samples, language }) => whisper.transcribe(samples, language),
  };
});
