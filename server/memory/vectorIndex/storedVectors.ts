import type { Queryable } from "../../storage";
import type { IndexIdentity } from "./indexFiles";

/** Stored vectors of some memories: seqs[i]'s vector is vectors[i·d … (i+1)·d). */
export interface VectorBatch {
  seqs: number[];
  vectors: Float32Array;
}

/** The seqs of a companion's memories that have a vector from the model: what its index must hold. */
export async function embeddedSeqs(db: Queryable, identity: IndexIdentity): Promise<number[]> {
  const rows = await db.query<{ seq: string | number }>(
    `SELECT m.seq FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id
     WHERE e.model_id = $1 AND m.companion_id = $2`,
    [identity.modelId, identity.companionId],
  );
  return rows.map((r) => Number(r.seq));
}

/** Up to `limit` embedded memories after `afterSeq`, in seq order: a build reads them a batch at a time. */
export function vectorsAfter(db: Queryable, identity: IndexIdentity, afterSeq: number, limit: number): Promise<VectorBatch> {
  return readVectors(db, identity, "m.seq > $3 ORDER BY m.seq LIMIT $4", [afterSeq, limit]);
}

/** The stored vectors of these memories (those still embedded; the others are left out). */
export function vectorsOf(db: Queryable, identity: IndexIdentity, seqs: readonly number[]): Promise<VectorBatch> {
  return readVectors(db, identity, "m.seq = ANY($3::bigint[])", [seqs]);
}

async function readVectors(db: Queryable, identity: IndexIdentity, where: string, params: unknown[]): Promise<VectorBatch> {
  const rows = await db.query<{ seq: string | number; v: string }>(
    `SELECT m.seq, e.embedding::text AS v FROM memory_embeddings e JOIN memories m ON m.id = e.memory_id
     WHERE e.model_id = $1 AND m.companion_id = $2 AND ${where}`,
    [identity.modelId, identity.companionId, ...params],
  );
  const d = identity.dimensions;
  const vectors = new Float32Array(rows.length * d);
  rows.forEach((row, i) => {
    // pgvector's text form: [0.1,0.2,…]
    const values = row.v.slice(1, -1).split(",");
    if (values.length !== d) throw new Error(`memory ${row.seq} has a ${values.length}-d vector under a ${d}-d model`);
    for (let j = 0; j < d; j++) vectors[i * d + j] = Number(values[j]);
  });
  return { seqs: rows.map((r) => Number(r.seq)), vectors };
}
