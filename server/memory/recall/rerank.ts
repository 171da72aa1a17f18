import type { RecalledEpisode } from "../recall";
import type { TimeRange } from "../time/timeExpressions";

/** What "now" looks like to the re-ranker. */
export interface RerankContext {
  now: Date;
  /** Where the companion stands now: memories made here count more. */
  world?: string | undefined;
  place?: string | undefined;
  /** A time the question names: memories from then count far more, others less. */
  timeRange?: TimeRange | undefined;
}

export const RERANK_WEIGHTS = {
  /** Days for a memory's recency bonus to halve. */
  recencyHalfLifeDays: 30,
  recency: 0.25,
  importance: 0.25,
  samePlace: 0.25,
  sameWorld: 0.1,
  inTimeRange: 1.5,
  outsideTimeRange: 0.4,
} as const;

const DAY_MS = 86_400_000;

export interface Reranked extends RecalledEpisode {
  /** Relevance (0..1, relative to the best match) times the boosts. */
  finalScore: number;
}

/**
 * Orders retrieved memories for the prompt: relevance to the question first, then boosted by how
 * recent and how important each is, by being made where the companion stands now, and by falling
 * in the time the question names. Relevance is relative to the best candidate, so the boosts mean
 * the same whatever the retriever's score scale.
 */
export function rerank(candidates: readonly RecalledEpisode[], context: RerankContext): Reranked[] {
  const best = Math.max(0, ...candidates.map((c) => c.score));
  const w = RERANK_WEIGHTS;
  return candidates
    .map((candidate) => {
      const relevance = best > 0 ? candidate.score / best : 0;
      const ageDays = Math.max(0, (context.now.getTime() - candidate.happenedAt.getTime()) / DAY_MS);
      const recency = 0.5 ** (ageDays / w.recencyHalfLifeDays);
      const samePlace = context.place !== undefined && candidate.place === context.place && candidate.world === context.world;
      const sameWorld = context.world !== undefined && candidate.world === context.world;
      let boost = 1 + w.recency * recency + w.importance * candidate.importance + (samePlace ? w.samePlace : sameWorld ? w.sameWorld : 0);
      if (context.timeRange) {
        const t = candidate.happenedAt.getTime();
        boost *= t >= context.timeRange.from.getTime() && t < context.timeRange.to.getTime() ? 1 + w.inTimeRange : w.outsideTimeRange;
      }
      return { ...candidate, finalScore: relevance * boost };
    })
    .sort((a, b) => b.finalScore - a.finalScore || b.happenedAt.getTime() - a.happenedAt.getTime());
}
