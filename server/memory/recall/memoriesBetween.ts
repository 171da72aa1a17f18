import type { Queryable } from "../../storage";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "../recall";
import type { MemoryScope } from "./memoryScope";

/**
 * The most important memories made within [from, to), for questions that name a time but share no
 * words with what happened then ("what did we do yesterday?"). Score 0: relevance comes from the caller.
 */
export async function memoriesBetween(db: Queryable, scope: MemoryScope, from: Date, to: Date, k: number): Promise<RecalledEpisode[]> {
  const rows = await db.query<MemoryRow>(
    `SELECT id, kind, text, speaker, happened_at, visibility, world, place, importance, source_turn, 0 AS score
     FROM memories
     WHERE companion_id = $1 AND owner_id = $2 AND ($3 OR visibility = 'shared' OR speaker_id = $4)
       AND happened_at >= $5 AND happened_at < $6
     ORDER BY importance DESC, seq DESC
     LIMIT $7`,
    [scope.companionId, scope.ownerId, scope.speakerIsOwner, scope.speakerId ?? null, from.toISOString(), to.toISOString(), k],
  );
  return rows.map(toRecalledEpisode);
}
