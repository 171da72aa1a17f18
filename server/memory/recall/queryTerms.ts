import type { Queryable } from "../../storage";
import type { MemoryScope } from "./memoryScope";

/** One stemmed word of a question, with how much a memory holding it counts. */
export interface QueryTerm {
  /** The word as a one-word tsquery, in Postgres's own quoting. */
  query: string;
  /** How many of the companion's memories hold it, seen or not: what searching it reads. */
  memories: number;
  /** BM25's inverse document frequency among the memories this speaker may see: rare words count far more. */
  idf: number;
  /** The most times it occurs in one memory (migration 012): what bounds its rank (see maxWordRank). */
  maxPositions: number;
}

export interface QueryTerms {
  /** Every word some memory holds, rarest first: each is scored in every candidate. */
  all: QueryTerm[];
  /** The companion's memories, seen or not. */
  total: number;
}

/** The words to search the full-text index with, for candidates. */
export interface SearchedTerms {
  /** An OR of them, as tsquery text. */
  query: string;
  /** How many memories searching them reads at most. */
  reach: number;
  /** How many of the question's words (the rarest) it searches. */
  words: number;
}

/**
 * The rarest words, added while the memories they reach stay within `reach` (the rarest always;
 * every word when the companion has no more memories than that): a memory holding only common
 * words scores low in any case, and the common words still score every candidate.
 */
export function rarestTerms(terms: QueryTerms, reach: number): SearchedTerms {
  let count = 0;
  let reached = 0;
  for (; count < terms.all.length; count++) {
    const next = Math.min(terms.total, reached + terms.all[count]!.memories);
    if (count > 0 && next > reach) break;
    reached = next;
  }
  return { query: terms.all.slice(0, count).map((t) => t.query).join(" | "), reach: reached, words: count };
}

/**
 * The question's stemmed words, with their rarity among the companion's memories, read from the
 * word counts migration 008 keeps (counting them per question would read every memory holding a
 * common word). The owner gets weights from all memories; anyone else from the shared ones only,
 * so no private memory sways what they get (their own private words count as unseen: rare).
 * How many memories hold a word counts them all, seen or not: the index search reads them all.
 * One call of `memory_query_terms` (migrations 011 and 012), a primary-key probe per word.
 */
export async function queryTerms(db: Queryable, query: string, scope: MemoryScope): Promise<QueryTerms> {
  const rows = await db.query<{ lexeme: string; query: string; memories: number; seen: number; max_positions: number; total: number | null; seen_total: number | null }>(
    "SELECT * FROM memory_query_terms($1, $2, $3, $4)",
    [query, scope.companionId, scope.ownerId, scope.speakerIsOwner],
  );
  const total = Number(rows[0]?.total ?? 0);
  const seenTotal = Number(rows[0]?.seen_total ?? 0);
  const all = rows
    .map((r) => ({ lexeme: r.lexeme, query: r.query, memories: Number(r.memories), seen: Number(r.seen), maxPositions: Number(r.max_positions) }))
    // A word no memory holds matches nothing; searched as "the rarest", it used to leave recall empty.
    .filter((t) => t.memories > 0)
    .sort((a, b) => a.memories - b.memories || (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0))
    .map(({ query, memories, seen, maxPositions }) => ({ query, memories, idf: Math.log(1 + (seenTotal - seen + 0.5) / (seen + 0.5)), maxPositions }));
  return { all, total };
}
