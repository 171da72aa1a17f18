/**
 * pgvector's cosine distance (`<=>`), to the bit: recall's distances are the ones the database's
 * own search gives, and equal distances must stay equal so that ties are broken the same way.
 * pgvector sums the products in single precision, one dimension after another, then divides in
 * double precision (`VectorCosineSimilarity` in its vector.c); PGlite's WebAssembly build keeps
 * that order (checked on 200 random 384-d pairs: all equal, where summing in double differs in
 * every one). Math.fround rounds each step to single precision as C's float does.
 */

/** The single-precision sum of squares of `d` values from `at`: one side of the denominator. */
export function squaredNorm(values: Float32Array, at: number, d: number): number {
  const f = Math.fround;
  let sum = 0;
  for (let i = at; i < at + d; i++) sum = f(sum + f(values[i]! * values[i]!));
  return sum;
}

/**
 * The cosine distance between `query` (whose squaredNorm is `queryNorm`) and the `d` values of
 * `stored` from `at` (whose squaredNorm is `storedNorm`): 0 (same direction) to 2, NaN when either
 * is all zeros, as pgvector returns it.
 */
export function cosineDistance(query: Float32Array, queryNorm: number, stored: Float32Array, at: number, storedNorm: number): number {
  const f = Math.fround;
  let dot = 0;
  for (let i = 0; i < query.length; i++) dot = f(dot + f(query[i]! * stored[at + i]!));
  const similarity = dot / Math.sqrt(queryNorm * storedNorm);
  return 1 - Math.min(1, Math.max(-1, similarity));
}
