import type { Queryable } from "../../storage";
import { toVectorLiteral, type QueryEmbedding } from "../embeddings";
import { toRecalledEpisode, type MemoryRow, type RecalledEpisode } from "../recall";
import type { MemoryScope } from "../recall/memoryScope";
import type { CompanionIndex } from "./companionIndex";

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
 * never by the graph), and ranks them by the exact distance of their stored vectors, so scores are
 * the ones the database's own search gives. When too few remain, the graph is read deeper; when it
 * has been read whole, what remains is all there is. Null when several reads still fall short (a
 * speaker who may see very few memories): the caller then asks the database's own search.
 */
export async function nearestThroughIndex(
  db: Queryable,
  index: CompanionIndex,
  query: QueryEmbedding,
  options: MemoryScope & { limit: number },
): Promise<RecalledEpisode[] | null> {
  const vector = Float32Array.from(query.vector);
  let read = options.limit * (options.speakerIsOwner ? FIRST_READ.owner : FIRST_READ.other);
  for (let reads = 1; ; reads++) {
    const { seqs } = index.search(vector, read);
    const rows = await visibleAmong(db, query, seqs, options);
    if (rows.length >= options.limit || seqs.length >= index.size) return rows.map(toRecalledEpisode);
    if (reads === MAX_READS) return null;
    read *= READ_GROWTH;
  }
}

function visibleAmong(db: Queryable, query: QueryEmbedding, seqs: readonly number[], options: MemoryScope & { limit: number }): Promise<MemoryRow[]> {
  if (!seqs.every(Number.isSafeInteger)) throw new Error("the vector index returned a key that is not a memory's seq");
  // The seqs are written into the statement (whole numbers, checked): PGlite then reads them with
  // the query instead of serialising an array parameter. The distance is taken on the stored
  // vectors as they are: a cast to the model's dimension copies every one and costs twice the time.
  return db.query<MemoryRow>(
    `SELECT m.id, m.kind, m.text, m.speaker, m.happened_at, m.visibility, m.world, m.place, m.importance, m.source_turn,
            e.embedding <=> $2::vector AS score
     FROM memories m JOIN memory_embeddings e ON e.memory_id = m.id AND e.model_id = $1
     WHERE m.seq = ANY('{${seqs.join(",")}}'::bigint[]) AND m.companion_id = $3 AND m.owner_id = $4
       AND ($5 OR m.visibility = 'shared' OR m.speaker_id = $6)
     ORDER BY score, m.seq DESC LIMIT $7`,
    [query.model.id, toVectorLiteral(query.vector), options.companionId, options.ownerId, options.speakerIsOwner, options.speakerId ?? null, options.limit],
  );
}
