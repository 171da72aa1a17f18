import { loadWhisper, type WhisperModel } from "./whisperModel";
import type { FromWhisperProcess, ToWhisperProcess, WhisperProcessData } from "./whisperProcessProtocol";

// The process that owns Whisper. Not the server's thread: onnxruntime-node 1.21 runs a session
// synchronously on the calling thread, and the feature extraction is plain JavaScript. Not a worker
// thread either: its native binding keeps one process-wide reference to a JS constructor, and ONNX
// sessions running in two threads at once (memory embeddings, the voice, this) abort the process.
const post = (message: FromWhisperProcess) => process.send!(message);
const { model, cacheDir } = JSON.parse(process.argv[2]!) as WhisperProcessData;
// The server went away: nothing is left to answer.
process.on("disconnect", () => process.exit(0));

async function serve(whisper: WhisperModel, request: ToWhisperProcess): Promise<void> {
  try {
    post({ type: "transcript", id: request.id, text: await whisper.transcribe(request.samples, request.language) });
  } catch (error) {
    post({ type: "transcribe-failed", id: request.id, message: (error as Error).message });
  }
}

try {
  const whisper = await loadWhisper({ model, cacheDir, onProgress: (event) => post({ type: "progress", event }) });
  // One segment at a time: the pipeline is not made for interleaved calls, and they would only share the cores.
  let queue = Promise.resolve();
  process.on("message", (request: ToWhisperProcess) => (queue = queue.then(() => serve(whisper, request))));
  post({ type: "ready", languages: whisper.languages && [...whisper.languages] });
} catch (error) {
  post({ type: "failed", message: (error as Error).message });
}
