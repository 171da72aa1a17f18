/**
 * Bytes the JS heap grows by per call of `run`, once the optimiser has compiled it (after
 * `warmUp` calls): the median over `rounds` rounds of `calls` calls each, so a collection that
 * shrinks the heap during one round says nothing about the others. A call that boxes a single
 * number shows as 12–16 bytes; code that allocates nothing measures well under one byte.
 */
export function heapGrowthPerCall(run: () => void, { warmUp = 20_000, calls = 20_000, rounds = 7 } = {}): number {
  for (let i = 0; i < warmUp; i++) run();
  const growth: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < calls; i++) run();
    growth.push((process.memoryUsage().heapUsed - before) / calls);
  }
  growth.sort((a, b) => a - b);
  return growth[rounds >> 1]!;
}
