import type { Database } from "../storage";
import type { BackgroundQueue } from "./backgroundQueue";
import type { QueryEmbedder } from "./embeddings";
import type { EpisodeInput } from "./episode";
import type { FactCandidate } from "./facts/fact";
import type { FactScope } from "./facts/factStore";
import type { SessionLine } from "./reflection/offlineSummary";

/** What every memory session of a server shares: storage, queues, the model's help, settings. */
export interface MemoryServices {
  db: Database;
  clock: () => Date;
  /** Database writes, in order. */
  writes: BackgroundQueue;
  /** Model calls (extraction, summaries), bounded: they are the slow part. */
  modelWork: BackgroundQueue;
  embeddings: QueryEmbedder | undefined;
  recallBudgetTokens: number;
  reflectEveryLines: number;
  estimateTokens: (text: string) => number;
  /** Stores a memory and lets the embeddings know; its link with the memory before it is queued behind. */
  record(episode: EpisodeInput): Promise<{ id: string }>;
  storeFact(scope: FactScope, fact: FactCandidate, sourceEpisode: string, at: Date): Promise<void>;
  /** Present when a model extracts facts. */
  extractFacts: ((text: string, at: Date, timeZone: string) => Promise<FactCandidate[]>) | undefined;
  /** Summarises `lines`, with the model when there is one and it works, else offline; `done` gets the text. */
  summarise(lines: readonly SessionLine[], where: string, companionName: string, done: (text: string) => void): void;
  /** Resolves when all queued work has run. */
  idle(): Promise<void>;
}
