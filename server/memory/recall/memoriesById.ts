import type { Queryable } from "../../storage";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "../recall";
import type { MemoryScope } from "./memoryScope";

/**
 * The rows of the memories `ids` names, by id, among those this speaker may still see: one
 * statement for the few memories a recall returns. The privacy predicate is applied again: a
 * memory forgotten, or made private, since it was ranked is missing from the answer.
 */
export async function memoriesById(db: Queryable, ids: readonly string[], scope: MemoryScope): Promise<Map<string, RecalledEpisode>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<MemoryRow>(
    `SELECT id, kind, text, speaker, happened_at, visibility, world, place, importance, source_turn, 0 AS score
     FROM memories
     WHERE id = ANY($5::uuid[]) AND companion_id = $1 AND owner_id = $2 AND ($3 OR visibility = 'shared' OR speaker_id = $4)`,
    [scope.companionId, scope.ownerId, scope.speakerIsOwner, scope.speakerId ?? null, ids],
  );
  return new Map(rows.map((row) => [row.id, toRecalledEpisode(row)]));
}

/**
 * Ranked ids (best first) as the memories they name, each with its ranking's score, in one
 * statement: a memory this speaker may no longer see (forgotten, made private since it was
 * ranked) is left out.
 */
export async function withRows(db: Queryable, ranked: ReadonlyArray<{ id: string; score: number }>, scope: MemoryScope): Promise<RecalledEpisode[]> {
  const rows = await memoriesById(db, ranked.map((r) => r.id), scope);
  return ranked.flatMap((r) => {
    const memory = rows.get(r.id);
    return memory ? [{ ...memory, score: r.score }] : [];
  });
}
