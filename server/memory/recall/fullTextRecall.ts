import type { Queryable } from "../../storage";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "../recall";
import type { MemoryScope } from "./memoryScope";
import { queryTerms, rarestTerms } from "./queryTerms";

/**
 * How many memories one recall may rank at most: ranking reads every candidate, so this is what
 * bounds recall's cost as memories grow. A companion with no more memories than this (every
 * LoCoMo conversation: 700 turns at most) is searched for every word of the question.
 */
export const MAX_REACH = 1000;

// Any of the query's stemmed words may match (a natural question rarely shares all its words
// with the answer), each weighted by how rare it is among this companion's memories (BM25's
// idf, from queryTerms; Postgres's own ranking has none) times its weighted frequency in the
// memory. Weights {D, C, B, A}: the turn itself (A) counts 1, a neighbouring turn's words (C)
// count half. Measured on LoCoMo recall@10: neighbours at 0 → 0.627, 0.2 → 0.670, 0.5 → 0.700,
// 0.6 → 0.703; with neighbours at 0.5 but no idf, 0.677 (npm run bench -- memory-locomo).
// Candidates are the memories holding one of the searched words, found in the GIN index, each
// scored on every word in one expression while it is read (ts_rank is 0 where the word is
// absent); a join of candidates and words cost several times the ranking itself. When even the
// rarest word is held by more than MAX_REACH memories, the most recent MAX_REACH are ranked.
// $1 companion, $2 owner, $3 speaker is owner, $4 speaker id, $5 searched tsquery, $6 how many
// to return, then each word's tsquery and idf, then (capped) the candidate limit.
function recallSql(words: number, capped: boolean): string {
  const score = Array.from({ length: words }, (_, i) => `ts_rank('{0.1, 0.5, 0.4, 1.0}', m.search, $${7 + 2 * i}::tsquery) * $${8 + 2 * i}::float8`);
  const matching = `SELECT * FROM memories m
    WHERE m.companion_id = $1 AND m.owner_id = $2 AND ($3 OR m.visibility = 'shared' OR m.speaker_id = $4)
      AND m.search @@ $5::tsquery`;
  return `
  SELECT m.id, m.kind, m.text, m.speaker, m.happened_at, m.visibility, m.world, m.place, m.importance,
         m.source_turn, ${score.join(" + ")} AS score
  FROM (${capped ? `${matching} ORDER BY m.seq DESC LIMIT $${7 + 2 * words}` : matching}) m
  -- Ties: the more recent memory first, so results are the same on every run.
  ORDER BY score DESC, m.seq DESC
  LIMIT $6
`;
}

/**
 * Full-text recall: the `depth` best word matches, best first, among the memories holding the
 * rarest words of the question (see rarestTerms): all of them while the companion has no more
 * than `maxReach` memories; beyond that, a memory holding only the question's common words may be
 * missed (the common words still score every candidate).
 */
export async function fullTextRecall(db: Queryable, query: string, scope: MemoryScope, depth: number, maxReach = MAX_REACH): Promise<RecalledEpisode[]> {
  if (!Number.isInteger(maxReach) || maxReach < 1) throw new Error(`the reach must be a positive integer, got ${maxReach}`);
  const terms = await queryTerms(db, query, scope);
  if (terms.all.length === 0) return [];
  const searched = rarestTerms(terms, maxReach);
  const capped = searched.reach > maxReach;
  const rows = await db.query<MemoryRow>(recallSql(terms.all.length, capped), [
    scope.companionId,
    scope.ownerId,
    scope.speakerIsOwner,
    scope.speakerId ?? null,
    searched.query,
    depth,
    ...terms.all.flatMap((t) => [t.query, t.idf]),
    ...(capped ? [maxReach] : []),
  ]);
  return rows.map(toRecalledEpisode);
}
