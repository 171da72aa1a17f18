import type { Queryable } from "../../storage";
import { toVectorLiteral, type QueryEmbedding } from "../embeddings";
import type { MemoryScope } from "../recall/memoryScope";
import type { CompanionIndex } from "./companionIndex";

/** A memory the speaker may see, with the exact cosine distance of its stored vector. */
export interface NearMemory {
  id: string;
  distance: number;
}

/**
 * The first read from the graph, in multiples of what is wanted. The owner sees every memory: twice
 * as many candidates let the exact re-ranking fix what 8-bit vectors misorder. Someone else may see
 * one memory in five, or fewer.
 */
const FIRST_READ = { owner: 2, other: 8 };
/** Each further read is this many times larger, this many times at most; then the database searches. */
const READ_GROWTH = 4;
const MAX_READS = 3;

/**
 * The memories nearest to the query among those this speaker may see, nearest first, through the
 * companion's HNSW index: the graph proposes candidates, the database keeps those that still
 * exist, still have this model's vector and that this speaker may see (privacy is decided there,
 * never by the graph), and ranks them by the exact distance of their stored vectors, so distances are
 * the ones the database's own search gives. When too few remain, the graph is read deeper; when it
 * has been read whole, what remains is all there is. Null when several reads still fall short (a
 * speaker who may see very few memories): the caller then asks the database's own search.
 */
export async function nearestThroughIndex(
  db: Queryable,
  index: CompanionIndex,
  query: QueryEmbedding,
  options: MemoryScope & { limit: number },
): Promise<NearMemory[] | null> {
  const vector = Float32Array.from(query.vector);
  let read = options.limit * (options.speakerIsOwner ? FIRST_READ.owner : FIRST_READ.other);
  for (let reads = 1; ; reads++) {
    const seqs = await index.search(vector, read).then(
      (found) => found.seqs,
      () => null, // the index thread failed (and said so in the log): the database answers instead
    );
    if (!seqs) return null;
    const rows = await visibleAmong(db, query, seqs, options);
    if (rows.length >= options.limit || seqs.length >= index.size) return rows;
    if (reads === MAX_READS) return null;
    read *= READ_GROWTH;
  }
}

function visibleAmong(db: Queryable, query: QueryEmbedding, seqs: readonly number[], options: MemoryScope & { limit: number }): Promise<NearMemory[]> {
  if (!seqs.every(Number.isSafeInteger)) throw new Error("the vector index returned a key that is not a memory's seq");
  // The seqs travel as one text parameter in array form ('{1,2,3}'): the statement stays the same,
  // so it is prepared and planned once, where seqs written into it made every call a new statement
  // (about 1.3 ms of CPU more at 10k memories). The distance is taken on the stored vectors as they
  // are: a cast to the model's dimension copies every one and costs twice the time.
  // Only ids and distances: hybrid recall reads the rows of the few memories it returns.
  return db.query<NearMemory>(
    `SELECT m.id, e.embedding <=> $2::vector AS distance
     FROM memories m JOIN memory_embeddings e ON e.memory_id = m.id AND e.model_id = $1
     WHERE m.seq = ANY($8::text::bigint[]) AND m.companion_id = $3 AND m.owner_id = $4
       AND ($5 OR m.visibility = 'shared' OR m.speaker_id = $6)
     ORDER BY distance, m.seq DESC LIMIT $7`,
    [query.model.id, toVectorLiteral(query.vector), options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, options.limit, `{${seqs.join(",")}}`],
  );
}
