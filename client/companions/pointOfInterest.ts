import type { PointOfInterest } from "../../shared/world";

/** Words that say nothing about which place is meant ("the", "over there"…). */
const FILLER = new Set(["the", "a", "an", "to", "at", "by", "of", "over", "there", "that", "this", "near", "towards"]);

function words(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "" && !FILLER.has(word))
    // Crude singular: "the cherry tree" still finds "the cherry trees".
    .map((word) => (word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word));
}

/**
 * The world's point of interest a model named in a `point` action ("fountain", "the old clock
 * tower", "cafe"), or null when nothing matches. Whole names win; otherwise the place sharing
 * the largest part of its name with the target, ties going to the first listed.
 */
export function findPointOfInterest(points: readonly PointOfInterest[], target: string): PointOfInterest | null {
  const wanted = words(target);
  if (wanted.length === 0) return null;
  const wantedKey = wanted.join(" ");
  let best: PointOfInterest | null = null;
  let bestScore = 0;
  for (const point of points) {
    const nameWords = words(point.name);
    if (nameWords.join(" ") === wantedKey || words(point.id).join(" ") === wantedKey) return point;
    let shared = 0;
    for (const word of wanted) if (nameWords.includes(word)) shared++;
    // Shared words over all distinct words: "bench" prefers "the bench" to "the bench by the fountain".
    const score = shared / (wanted.length + nameWords.length - shared);
    if (score > bestScore) {
      best = point;
      bestScore = score;
    }
  }
  return best;
}
