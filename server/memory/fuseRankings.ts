/** Reciprocal rank fusion's constant: damps the head so one list's first place cannot outvote agreement. */
export const RRF_K = 60;

export interface FusedItem<Id = string> {
  id: Id;
  score: number;
}

/**
 * Reciprocal rank fusion (Cormack et al., 2009): each id scores Σ 1 / (k + rank) over the lists
 * it appears in (rank from 1). Needs no score calibration between full-text and vector
 * similarity, which live on unrelated scales. Best first; ties keep first-seen order.
 */
export function fuseRankings<Id = string>(lists: ReadonlyArray<readonly Id[]>, k = RRF_K): FusedItem<Id>[] {
  if (!(k > 0)) throw new Error(`the fusion constant must be positive, got ${k}`);
  const scores = new Map<Id, number>();
  for (const list of lists) {
    list.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}
