/** A source of uniform numbers in [0, 1): Math.random in the app, a seeded one in tests. */
export type RandomSource = () => number;

/** A uniform number in [min, max). */
export function randomBetween(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random();
}
