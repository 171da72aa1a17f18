import { serveModel } from "../../process";
import type { EmbedderProcessInfo, EmbedderProcessSetup } from "./embedderProcessProtocol";
import { loadEmbedder } from "./loadEmbedder";

// The process that owns the sentence model, so that an embedding run (onnxruntime-node runs a
// session synchronously on the calling thread) never stalls the rooms' event loop.
await serveModel<EmbedderProcessSetup, EmbedderProcessInfo, readonly string[], number[][]>(async (setup, onProgress) => {
  const embedder = await loadEmbedder({ ...setup, onProgress });
  return { info: { name: embedder.name, dimensions: embedder.dimensions }, handle: (texts) => embedder.embed(texts) };
});
