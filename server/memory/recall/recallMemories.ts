import type { Queryable } from "../../storage";
import type { QueryEmbedder } from "../embeddings";
import { recallFacts, type RecalledFact } from "../facts/factStore";
import { recall, type RecalledEpisode } from "../recall";
import { parseTimeExpression, type TimeRange } from "../time/timeExpressions";
import { memoriesBetween } from "./memoriesBetween";
import type { MemoryScope } from "./memoryScope";
import { rerank, type Reranked } from "./rerank";

export interface RecallRequest {
  scope: MemoryScope;
  now: Date;
  /** The owner's time zone, for "yesterday" and "last week". */
  timeZone: string;
  world?: string | undefined;
  place?: string | undefined;
  /** Candidates to retrieve before re-ranking. */
  candidates: number;
  /** Memories to leave out (turns the conversation history already holds). */
  exclude?: ((memory: RecalledEpisode) => boolean) | undefined;
  /** Room made for excluded memories among the candidates. */
  excludeAllowance?: number | undefined;
  /** With a query embedder, retrieval is hybrid (full text and vectors fused). */
  embeddings?: QueryEmbedder | undefined;
  /** Facts to include at most (owner only). */
  facts: number;
}

export interface RecallResult {
  memories: Reranked[];
  /** Current facts about the owner; always empty when someone else is speaking. */
  facts: RecalledFact[];
  timeRange: TimeRange | undefined;
}

/** A time-only candidate counts as this share of the best word match before re-ranking. */
const TIME_ONLY_RELEVANCE = 0.5;

/**
 * Everything memory offers for one question: retrieved memories (plus, when the question names a
 * time, the notable ones from then), re-ranked by recency, importance, place and time; and the
 * owner's current facts that match, when the owner is the one asking.
 */
export async function recallMemories(db: Queryable, query: string, request: RecallRequest): Promise<RecallResult> {
  const { scope, exclude } = request;
  const timeRange = parseTimeExpression(query, request.now, request.timeZone);
  const k = request.candidates + (request.excludeAllowance ?? 0);
  const [matched, fromThen, facts] = await Promise.all([
    recall(db, query, { ...scope, k, embeddings: request.embeddings }),
    timeRange ? memoriesBetween(db, scope, timeRange.from, timeRange.to, k) : Promise.resolve([]),
    scope.speakerIsOwner && request.facts > 0 ? recallFacts(db, scope, query, request.facts) : Promise.resolve([]),
  ]);
  const best = Math.max(1e-9, ...matched.map((m) => m.score));
  const byId = new Map<string, RecalledEpisode>();
  for (const memory of matched) byId.set(memory.id, memory);
  for (const memory of fromThen) if (!byId.has(memory.id)) byId.set(memory.id, { ...memory, score: best * TIME_ONLY_RELEVANCE });
  const candidates = [...byId.values()].filter((memory) => !exclude?.(memory));
  const memories = rerank(candidates, { now: request.now, world: request.world, place: request.place, timeRange });
  return { memories, facts, timeRange };
}
