import type { Queryable } from "../../storage";
import type { QueryEmbedding } from "../embeddings";
import type { MemoryScope } from "../recall/memoryScope";
import type { CompanionIndex } from "./companionIndex";
import type { ExactRanking } from "./exactVectors";

/** A memory the speaker may see, with the exact cosine distance of its stored vector. */
export interface NearMemory {
  id: string;
  seq: number;
  distance: number;
}

/** A memory the graph holds (memories.seq), with the exact cosine distance of its vector. */
export interface NearSeq {
  seq: number;
  distance: number;
}

/**
 * The first read from the graph, in multiples of what is wanted. The owner sees every memory: twice
 * as many candidates let the exact ranking fix what 8-bit vectors misorder. Someone else may see
 * one memory in five, or fewer.
 */
const FIRST_READ = { owner: 2, other: 8 };
/** Each further read is this many times larger, this many times at most; then the database searches. */
const READ_GROWTH = 4;
const MAX_READS = 3;

/**
 * The memories nearest to the query among those this speaker may see, nearest first, through the
 * companion's HNSW index: the graph proposes candidates and the index thread ranks them by the
 * exact distance of their vectors (the ones the database stores, computed as pgvector does, so
 * distances are the ones the database's own search gives); the database keeps those that still
 * exist and that this speaker may see (privacy is decided there, never by the graph). When too
 * few remain, the graph is read deeper; when it has been read whole, what remains is all there
 * is. Null when several reads still fall short (a speaker who may see very few memories): the
 * caller then asks the database's own search.
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
    const ranked = await index.search(vector, read).catch(
      () => null, // the index thread failed (and said so in the log): the database answers instead
    );
    if (!ranked) return null;
    const kept = await keepVisible(db, ranked, options);
    if (kept.length >= options.limit || ranked.keys.length >= index.size) return kept;
    if (reads === MAX_READS) return null;
    read *= READ_GROWTH;
  }
}

/**
 * The owner's `limit` nearest memories, nearest first, from the graph alone: no statement. The
 * owner may see every memory of the companion, so the database would only check that each still
 * exists; hybrid recall reads the rows of its winners with the privacy predicate anyway, which
 * leaves out a memory forgotten since the graph last caught up (the next one takes its place). Checking the 50 here cost the server's thread about 1 ms per
 * recall at 10k memories. Null when the index thread fails.
 */
export async function ownerNearestInGraph(index: CompanionIndex, query: QueryEmbedding, limit: number): Promise<NearSeq[] | null> {
  const ranked = await index.search(Float32Array.from(query.vector), limit * FIRST_READ.owner).catch(() => null);
  if (!ranked) return null;
  const count = Math.min(limit, ranked.keys.length);
  return Array.from({ length: count }, (_, i) => ({ seq: ranked.keys[i]!, distance: ranked.distances[i]! }));
}

/**
 * The first `limit` of the ranking that the speaker may see, in its order, in one statement: the
 * ranked seqs are probed one after another (a nested loop over the array, the check a subquery
 * that cannot be flattened into a join) and probing stops at the `limit`-th visible one, so no more
 * are checked than needed (each costs the server's thread about 10 µs at 10k memories) and a
 * speaker who may see one memory in five needs no second statement. Only existence and privacy
 * are checked: a memory edited since it was embedded is ranked by its former vector until the new
 * one is stored, as the owner's are (see ownerNearestInGraph).
 */
async function keepVisible(db: Queryable, ranked: ExactRanking, options: MemoryScope & { limit: number }): Promise<NearMemory[]> {
  if (!ranked.keys.every(Number.isSafeInteger)) throw new Error("the vector index returned a key that is not a memory's seq");
  // The seqs travel as one text parameter in array form ('{1,2,3}'): the statement stays the same,
  // so it is prepared and planned once. No vector is read: the index thread ranked them.
  const [row] = await db.query<{ found: number[]; ids: string[] }>(
    `SELECT coalesce(array_agg(v.ord ORDER BY v.ord), '{}') AS found, coalesce(array_agg(v.id ORDER BY v.ord), '{}') AS ids FROM (
       SELECT s.ord, m.id FROM unnest($1::text::bigint[]) WITH ORDINALITY s(seq, ord)
       CROSS JOIN LATERAL (
         SELECT m.id FROM memories m
         WHERE m.seq = s.seq AND m.companion_id = $2 AND m.owner_id = $3 AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $5)
         LIMIT 1
       ) m
       LIMIT $6
     ) v`,
    [`{${ranked.keys.join(",")}}`, options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, options.limit],
  );
  return row!.found.map((ord, i) => ({ id: row!.ids[i]!, seq: ranked.keys[Number(ord) - 1]!, distance: ranked.distances[Number(ord) - 1]! }));
}
