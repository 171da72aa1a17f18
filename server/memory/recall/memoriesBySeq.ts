import type { Queryable } from "../../storage";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "../recall";
import type { MemoryScope } from "./memoryScope";

/**
 * The rows of the memories `seqs` names, by seq, among those this speaker may still see: one
 * statement for the few memories a recall returns. The privacy predicate is applied again: a
 * memory forgotten, or made private, since it was ranked is missing from the answer.
 */
export async function memoriesBySeq(db: Queryable, seqs: readonly number[], scope: MemoryScope): Promise<Map<number, RecalledEpisode>> {
  if (seqs.length === 0) return new Map();
  if (!seqs.every(Number.isSafeInteger)) throw new Error("a memory's seq must be a whole number");
  // The seqs travel as one text parameter in array form ('{1,2,3}'), like the vector index's check.
  const rows = await db.query<MemoryRow & { seq: string | number }>(
    `SELECT seq, id, kind, text, speaker, happened_at, visibility, world, place, importance, source_turn, 0 AS score
     FROM memories
     WHERE seq = ANY($5::text::bigint[]) AND companion_id = $1 AND owner_id = $2 AND ($3 OR visibility = 'shared' OR speaker_id = $4)`,
    [scope.companionId, scope.ownerId, scope.speakerIsOwner, scope.speakerId ?? null, `{${seqs.join(",")}}`],
  );
  return new Map(rows.map((row) => [Number(row.seq), toRecalledEpisode(row)]));
}

/**
 * Ranked seqs (best first) as the memories they name, each with its ranking's score, the first `k`
 * that this speaker may still see: a memory forgotten or made private since it was ranked is left
 * out, and the next ones take its place (one more statement, only then).
 */
export async function withRows(db: Queryable, ranked: ReadonlyArray<{ seq: number; score: number }>, k: number, scope: MemoryScope): Promise<RecalledEpisode[]> {
  const found: RecalledEpisode[] = [];
  for (let from = 0; found.length < k && from < ranked.length; ) {
    const wanted = ranked.slice(from, from + k - found.length);
    from += wanted.length;
    const rows = await memoriesBySeq(db, wanted.map((r) => r.seq), scope);
    for (const r of wanted) {
      const memory = rows.get(r.seq);
      if (memory) found.push({ ...memory, score: r.score });
    }
  }
  return found;
}
