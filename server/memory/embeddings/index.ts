export { registerEmbeddingModel, toVectorLiteral, type EmbeddingModelRef } from "./embeddingStore";
export { loadEmbedder, type Embedder } from "./loadEmbedder";
export { loadEmbedderInChildProcess, type LoadEmbedderInChildProcessOptions } from "./loadEmbedderInChildProcess";
export {
  createMemoryEmbeddings,
  type EmbeddingsState,
  type MemoryEmbeddings,
  type MemoryEmbeddingsOptions,
  type QueryEmbedder,
  type QueryEmbedding,
} from "./memoryEmbeddings";
