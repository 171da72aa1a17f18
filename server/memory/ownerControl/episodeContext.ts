import type { Queryable } from "../../storage";
import type { OwnerScope } from "./ownerScope";

/*
 * Each episode keeps its neighbours' text as low-weight search context (recordEpisode links an
 * episode with the one before it). An edited or deleted episode must not live on in that context:
 * a forgotten sentence would still be found through the turn beside it.
 */

const NEIGHBOUR = (direction: "<" | ">", column: "id" | "text" = "id") => `
  SELECT ${column} FROM memories
  WHERE companion_id = $1 AND owner_id = $2 AND kind = 'episode' AND seq ${direction} $3
  ORDER BY seq ${direction === "<" ? "DESC" : "ASC"} LIMIT 1`;

/** The episodes either side of `seq` see its new text. */
export async function relinkAfterEdit(tx: Queryable, scope: OwnerScope, seq: number, text: string): Promise<void> {
  const params = [scope.companionId, scope.ownerId, seq, text];
  await tx.query(`UPDATE memories SET after_text = $4 WHERE id = (${NEIGHBOUR("<")})`, params);
  await tx.query(`UPDATE memories SET before_text = $4 WHERE id = (${NEIGHBOUR(">")})`, params);
}

/** The episodes either side of a deleted one at `seq` become each other's neighbours. */
export async function relinkAfterDelete(tx: Queryable, scope: OwnerScope, seq: number): Promise<void> {
  const params = [scope.companionId, scope.ownerId, seq];
  await tx.query(
    `UPDATE memories SET after_text = coalesce((${NEIGHBOUR(">", "text")}), '') WHERE id = (${NEIGHBOUR("<")})`,
    params,
  );
  await tx.query(
    `UPDATE memories SET before_text = coalesce((${NEIGHBOUR("<", "text")}), '') WHERE id = (${NEIGHBOUR(">")})`,
    params,
  );
}
