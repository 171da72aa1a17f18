import type { Forgotten } from "../../../shared/memory";
import type { Database, Queryable } from "../../storage";
import type { OwnerScope } from "./ownerScope";

/** Everything the companion remembers about its owner, gone in one transaction (vectors cascade). */
export async function forgetEverything(db: Database, scope: OwnerScope): Promise<Forgotten> {
  return db.transaction((tx) => forgetWithin(tx, scope));
}

/** The same, inside a transaction the caller holds (an import that replaces). */
export async function forgetWithin(tx: Queryable, scope: OwnerScope): Promise<Forgotten> {
  const params = [scope.companionId, scope.ownerId];
  const removed = async (table: string) => {
    const [row] = await tx.query<{ n: number }>(`WITH gone AS (DELETE FROM ${table} WHERE companion_id = $1 AND owner_id = $2 RETURNING 1) SELECT count(*)::int AS n FROM gone`, params);
    return row!.n;
  };
  const facts = await removed("facts");
  const memories = await removed("memories");
  const relationship = await removed("relationships");
  return { memories, facts, relationship: relationship > 0 };
}
