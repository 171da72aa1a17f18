export { createMemoryVectorIndex, type EmbeddedMemory, type MemoryVectorIndex, type MemoryVectorIndexOptions } from "./memoryVectorIndex";
export { nearestThroughIndex } from "./nearestThroughIndex";
export { HNSW_SETTINGS } from "./hnswSettings";
export type { CompanionIndex, IndexMatches } from "./companionIndex";
export { indexPaths, type IndexIdentity } from "./indexFiles";
