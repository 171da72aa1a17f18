export { createMemoryVectorIndex, type EmbeddedMemory, type MemoryVectorIndex, type MemoryVectorIndexOptions } from "./memoryVectorIndex";
export { nearestThroughIndex, ownerNearestInGraph, type NearSeq } from "./nearestThroughIndex";
export { indexPaths, type IndexIdentity } from "./indexFiles";
export { vectorsAfter } from "./storedVectors";
