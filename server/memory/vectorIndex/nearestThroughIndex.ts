import type { Queryable } from "../../storage";
import type { EmbeddingModelRef, QueryEmbedding } from "../embeddings";
import type { MemoryScope } from "../recall/memoryScope";
import type { CompanionIndex } from "./companionIndex";
import type { ExactRanking } from "./exactVectors";

/** A memory the speaker may see, with the exact cosine distance of its stored vector. */
export interface NearMemory {
  id: string;
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
 * exist, still have this model's vector and that this speaker may see (privacy is decided there,
 * never by the graph). When too few remain, the graph is read deeper; when it has been read whole,
 * what remains is all there is. Null when several reads still fall short (a speaker who may see
 * very few memories): the caller then asks the database's own search.
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
    const kept = await keepVisible(db, query.model, ranked, options);
    if (kept.length >= options.limit || ranked.keys.length >= index.size) return kept;
    if (reads === MAX_READS) return null;
    read *= READ_GROWTH;
  }
}

/**
 * Candidates checked by the first statement, in multiples of those wanted: the owner may see every
 * memory; someone else may see one in five, or fewer. Each candidate checked costs the database
 * index look-ups on the server's thread (about 8 µs at 100k memories).
 */
const FIRST_CHECK = { owner: 1, other: 3 };
/** Later statements check as many more as the share seen so far needs, with this margin. */
const CHECK_MARGIN = 1.25;

/**
 * The first `limit` of the ranking that the speaker may see, checked in its order a few statements
 * at most: first `limit` times FIRST_CHECK, then as many as the share of visible ones so far
 * suggests (all the rest when none was).
 */
async function keepVisible(db: Queryable, model: EmbeddingModelRef, ranked: ExactRanking, options: MemoryScope & { limit: number }): Promise<NearMemory[]> {
  const kept: NearMemory[] = [];
  const all = ranked.keys.length;
  for (let from = 0; from < all && kept.length < options.limit; ) {
    let more = options.limit * (options.speakerIsOwner ? FIRST_CHECK.owner : FIRST_CHECK.other);
    if (from > 0) more = kept.length === 0 ? all : Math.ceil((((options.limit - kept.length) * from) / kept.length) * CHECK_MARGIN);
    const to = Math.min(all, from + more);
    const visible = await visibleAmong(db, model, ranked.keys.subarray(from, to), options);
    for (let i = from; i < to && kept.length < options.limit; i++) {
      const id = visible.get(ranked.keys[i]!);
      if (id !== undefined) kept.push({ id, distance: ranked.distances[i]! });
    }
    from = to;
  }
  return kept;
}

/** Which of these memories (by seq) still have this model's vector and the speaker may see: seq → id. */
async function visibleAmong(db: Queryable, model: EmbeddingModelRef, seqs: Float64Array, options: MemoryScope): Promise<Map<number, string>> {
  if (!seqs.every(Number.isSafeInteger)) throw new Error("the vector index returned a key that is not a memory's seq");
  // The seqs travel as one text parameter in array form ('{1,2,3}'): the statement stays the same,
  // so it is prepared and planned once, where seqs written into it made every call a new statement
  // (about 1.3 ms of CPU more at 10k memories). No vector is read: the index thread ranked them.
  const rows = await db.query<{ seq: string | number; id: string }>(
    `SELECT m.seq, m.id FROM memories m
     WHERE m.seq = ANY($1::text::bigint[]) AND m.companion_id = $2 AND m.owner_id = $3
       AND ($4 OR m.visibility = 'shared' OR m.speaker_id = $5)
       AND EXISTS (SELECT FROM memory_embeddings e WHERE e.memory_id = m.id AND e.model_id = $6)`,
    [`{${seqs.join(",")}}`, options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, model.id],
  );
  return new Map(rows.map((r) => [Number(r.seq), r.id]));
}
