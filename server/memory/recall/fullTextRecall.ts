import type { Queryable } from "../../storage";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "../recall";
import type { MemoryScope } from "./memoryScope";
import { queryTerms, rarestTerms, type QueryTerm } from "./queryTerms";
import { wordCombinations } from "./wordCombinations";

/**
 * How many memories one recall may rank at most, in each of its two passes: ranking reads every
 * candidate, so this is what bounds recall's cost as memories grow. A companion with no more
 * memories than this (every LoCoMo conversation: 700 turns at most) is searched for every word of
 * the question in one pass.
 */
export const MAX_REACH = 1000;

/**
 * The second pass's reach, as a share of the first's. Measured at 100k memories (50 LoCoMo
 * questions, npm run bench -- memory-scale): top-10 agreement with ranking every memory 0.742
 * without a second pass, 0.892 at a quarter (a fifth more memories ranked), 0.906 at the whole
 * reach (two thirds more).
 */
const SECOND_PASS_SHARE = 0.25;

/** A full-text match without its row: what fusion ranks (hybrid recall reads the rows of its winners only). */
export interface FullTextMatch {
  /** memories.seq: what the vector index keys memories by, so both rankings fuse on it. */
  seq: number;
  score: number;
}

type RankedRow = MemoryRow & { seq: string | number };

const ROW_COLUMNS = "m.id, m.seq, m.kind, m.text, m.speaker, m.happened_at, m.visibility, m.world, m.place, m.importance, m.source_turn";

/** How a ranking statement answers: its select list, and how its answer is read as ranked items. */
interface RankingShape<Item extends FullTextMatch> {
  columns: string;
  /** Wraps the ranked rows into what the statement returns. */
  wrap: (ranked: string) => string;
  read: (db: Queryable, sql: string, params: unknown[]) => Promise<Item[]>;
}

const WHOLE_ROWS: RankingShape<RankedRow & FullTextMatch> = {
  columns: ROW_COLUMNS,
  wrap: (ranked) => ranked,
  read: async (db, sql, params) => (await db.query<RankedRow>(sql, params)).map((r) => ({ ...r, seq: Number(r.seq), score: Number(r.score) })),
};

// Fusion reads its rankings 50 deep and keeps 10: 50 rows of ids cost the server's thread about
// 0.3 ms more to send and parse than the same seqs and scores as two arrays in one row
// (PGlite; measured at 10k memories), and the rows of the 10 winners are read afterwards.
const SEQS_AND_SCORES: RankingShape<FullTextMatch> = {
  columns: "m.seq",
  wrap: (ranked) => `SELECT coalesce(array_agg(r.seq ORDER BY r.score DESC, r.seq DESC), '{}') AS seqs,
    coalesce(array_agg(r.score ORDER BY r.score DESC, r.seq DESC), '{}') AS scores FROM (${ranked}) r`,
  read: async (db, sql, params) => {
    const [row] = await db.query<{ seqs: Array<string | number>; scores: Array<string | number> }>(sql, params);
    return row ? row.seqs.map((seq, i) => ({ seq: Number(seq), score: Number(row.scores[i]) })) : [];
  },
};

// Any of the query's stemmed words may match (a natural question rarely shares all its words
// with the answer), each weighted by how rare it is among this companion's memories (BM25's
// idf, from queryTerms; Postgres's own ranking has none) times its weighted frequency in the
// memory. Weights {D, C, B, A}: the turn itself (A) counts 1, a neighbouring turn's words (C)
// count half. Measured on LoCoMo recall@10: neighbours at 0 → 0.627, 0.2 → 0.670, 0.5 → 0.700,
// 0.6 → 0.703; with neighbours at 0.5 but no idf, 0.677 (npm run bench -- memory-locomo).
// Candidates are the memories matching `$5` (found in the GIN index) and, in the second pass, not
// matching the first pass's words, each scored on every word in one expression while it
// is read (ts_rank is 0 where the word is absent); a join of candidates and words cost several
// times the ranking itself. When even the rarest word is held by more than the reach, the most
// recent memories holding it are ranked: all of them found in the GIN index, then sorted (seq + 0:
// walking the seq index backwards and filtering read up to 90k memories at 100k to find 1,000).
// $1 companion, $2 owner, $3 speaker is owner, $4 speaker id, $5 searched tsquery, $6 how many
// to return, then each word's tsquery and idf, then (excluding) the tsquery to leave out, then
// (capped) the candidate limit.
function recallSql(words: number, options: { capped: boolean; excluding: boolean; shape: RankingShape<FullTextMatch> }): string {
  const score = Array.from({ length: words }, (_, i) => `ts_rank('{0.1, 0.5, 0.4, 1.0}', m.search, $${7 + 2 * i}::tsquery) * $${8 + 2 * i}::float8`);
  const excluded = 7 + 2 * words;
  const limit = excluded + (options.excluding ? 1 : 0);
  // The searched words are a sub-select so that no plan can use them for its estimates: at 100k
  // memories a plan made for the words at hand always looked cheaper than the plan made once, so
  // Postgres planned each ranking anew (about 0.5 ms of CPU each) for the same plan (the
  // full-text index, then the ranking).
  const matching = `SELECT * FROM memories m
    WHERE m.companion_id = $1 AND m.owner_id = $2 AND ($3 OR m.visibility = 'shared' OR m.speaker_id = $4)
      AND m.search @@ (SELECT $5::tsquery)${options.excluding ? ` AND NOT m.search @@ (SELECT $${excluded}::tsquery)` : ""}`;
  return options.shape.wrap(`
  SELECT ${options.shape.columns}, ${score.join(" + ")} AS score
  FROM (${options.capped ? `${matching} ORDER BY m.seq + 0 DESC LIMIT $${limit}` : matching}) m
  -- Ties: the more recent memory first, so results are the same on every run.
  ORDER BY score DESC, m.seq DESC
  LIMIT $6
`);
}

/**
 * Full-text recall: the `depth` best word matches, best first. The first pass ranks the memories
 * holding the question's rarest words (see rarestTerms): every memory holding any of its words
 * while the companion has no more than `maxReach` memories. Beyond that, the depth-th score of
 * the first pass bounds what the rest must reach (rank-bound pruning, see wordCombinations): the
 * second pass ranks the memories holding enough of the common words to reach it, so the ranking
 * stays exact unless those are estimated to be more than a quarter of `maxReach`, or the rarest
 * word alone is held by more than `maxReach` (then the most recent of them are ranked). Only the first `exact` results are
 * held to this (the rest may miss memories holding only common words): hybrid recall reads 50
 * deep for fusion, where ranks past the first few weigh little, and the 50th score bounds far
 * less than the 10th.
 */
export async function fullTextRecall(
  db: Queryable,
  query: string,
  scope: MemoryScope,
  depth: number,
  maxReach = MAX_REACH,
  exact = depth,
): Promise<RecalledEpisode[]> {
  return (await rankByWords(db, query, scope, { depth, maxReach, exact }, WHOLE_ROWS)).map(toRecalledEpisode);
}

/** fullTextRecall's ranking without the rows: seqs and scores, best first. */
export async function fullTextRanking(
  db: Queryable,
  query: string,
  scope: MemoryScope,
  depth: number,
  maxReach = MAX_REACH,
  exact = depth,
): Promise<FullTextMatch[]> {
  return rankByWords(db, query, scope, { depth, maxReach, exact }, SEQS_AND_SCORES);
}

async function rankByWords<Item extends FullTextMatch>(
  db: Queryable,
  query: string,
  scope: MemoryScope,
  { depth, maxReach, exact }: { depth: number; maxReach: number; exact: number },
  shape: RankingShape<Item>,
): Promise<Item[]> {
  if (!Number.isInteger(maxReach) || maxReach < 1) throw new Error(`the reach must be a positive integer, got ${maxReach}`);
  if (!Number.isInteger(exact) || exact < 1) throw new Error(`the exact results must be a positive integer, got ${exact}`);
  const terms = await queryTerms(db, query, scope);
  if (terms.all.length === 0) return [];
  const searched = rarestTerms(terms, maxReach);
  const rank = (tsquery: string, excluded: string | null, capped: boolean) =>
    shape.read(db, recallSql(terms.all.length, { capped, excluding: excluded !== null, shape }), [
      scope.companionId,
      scope.ownerId,
      scope.speakerIsOwner,
      scope.speakerId ?? null,
      tsquery,
      depth,
      ...terms.all.flatMap((t: QueryTerm) => [t.query, t.idf]),
      ...(excluded !== null ? [excluded] : []),
      ...(capped ? [maxReach] : []),
    ]);
  const first = await rank(searched.query, null, searched.reach > maxReach);
  if (searched.words === terms.all.length) return first;
  const bounded = Math.min(exact, depth);
  const threshold = first.length < bounded ? 0 : first[bounded - 1]!.score;
  const rest = wordCombinations(terms.all.slice(searched.words), threshold, terms.total, Math.ceil(maxReach * SECOND_PASS_SHARE));
  if (!rest.query) return first;
  // Capped too: the estimate assumes independent words, and common words often come together.
  const second = await rank(rest.query, searched.query, true);
  return [...first, ...second].sort((a, b) => b.score - a.score || b.seq - a.seq).slice(0, depth);
}
