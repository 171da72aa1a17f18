import type { Queryable } from "../../storage";
import type { CompanionIndex } from "./companionIndex";
import { embeddedSeqs, vectorsOf } from "./storedVectors";

/** Vectors read per statement while catching up. */
const READ_BATCH = 500;

/**
 * Past this many missing vectors a build on the worker thread is quicker than inserts here (and
 * keeps the event loop free): about a minute of inserts at 100k memories.
 */
export function tooFarBehind(missing: number, size: number): boolean {
  return missing > Math.max(1000, size / 10);
}

/**
 * Makes the index hold exactly the companion's embedded memories: drops what was deleted (or whose
 * text changed: its vector is gone until embedded again), adds what is missing from the stored
 * vectors. Resolves false, changing nothing, when so much is missing that a rebuild is better.
 * A memory embedded while this runs may be added twice: the second replaces the first.
 */
export async function bringUpToDate(db: Queryable, index: CompanionIndex, signal: AbortSignal): Promise<boolean> {
  const stored = new Set(await embeddedSeqs(db, index.identity));
  const missing = [...stored].filter((seq) => !index.has(seq));
  if (tooFarBehind(missing.length, stored.size)) return false;
  for (const seq of index.heldSeqs()) if (!stored.has(seq)) await index.remove(seq);
  const d = index.identity.dimensions;
  for (let at = 0; at < missing.length && !signal.aborted; at += READ_BATCH) {
    const batch = await vectorsOf(db, index.identity, missing.slice(at, at + READ_BATCH));
    // Each insert runs on the index thread; the event loop runs while it does.
    for (let i = 0; i < batch.seqs.length && !signal.aborted; i++) await index.put(batch.seqs[i]!, batch.vectors.subarray(i * d, (i + 1) * d));
  }
  return true;
}
