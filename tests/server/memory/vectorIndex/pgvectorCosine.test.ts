import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosineDistance, squaredNorm } from "../../../../server/memory/vectorIndex/pgvectorCosine";
import type { Database } from "../../../../server/storage";
import { openTestDatabase } from "../../support/database";
import { seeded } from "./vectorIndexFixtures";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.exec("CREATE EXTENSION IF NOT EXISTS vector");
});
afterAll(async () => {
  await db.close();
});

const random = seeded(3);
const randomVector = (d: number) => Array.from({ length: d }, () => random() * 2 - 1);
const literal = (v: readonly number[]) => `[${v.join(",")}]`;

/** The database's `<=>` for each pair, in one statement. */
async function databaseDistances(pairs: Array<[number[], number[]]>): Promise<number[]> {
  const rows = await db.query<{ d: number }>("SELECT a::vector <=> b::vector AS d FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(a, b, i) ORDER BY i", [
    pairs.map(([a]) => literal(a)),
    pairs.map(([, b]) => literal(b)),
  ]);
  return rows.map((r) => Number(r.d));
}

const ours = (a: readonly number[], b: readonly number[]) => {
  const [x, y] = [Float32Array.from(a), Float32Array.from(b)];
  return cosineDistance(x, squaredNorm(x, 0, x.length), y, 0, squaredNorm(y, 0, y.length));
};

describe("pgvector's cosine distance", () => {
  it("is the database's to the bit, for the default model's 384 dimensions and for small ones", async () => {
    for (const d of [384, 3, 8, 1000]) {
      const pairs = Array.from({ length: 40 }, (): [number[], number[]] => [randomVector(d), randomVector(d)]);
      expect(pairs.map(([a, b]) => ours(a, b))).toEqual(await databaseDistances(pairs));
    }
  });

  it("stays within 0 and 2 where rounding would step out, and is NaN for an all-zero vector, as the database's", async () => {
    const v = randomVector(384);
    const pairs: Array<[number[], number[]]> = [[v, v], [v, v.map((x) => -x)], [v, v.map((x) => x * 3)], [v, new Array(384).fill(0)]];
    const expected = await databaseDistances(pairs);
    expect(pairs.map(([a, b]) => ours(a, b))).toEqual(expected);
    expect(expected.slice(0, 3).every((x) => x >= 0 && x <= 2)).toBe(true);
    expect(expected[3]).toBeNaN();
  });

  it("reads a vector from any offset of a block of them", () => {
    const [a, b] = [randomVector(8), randomVector(8)];
    const block = Float32Array.from([...randomVector(8), ...b]);
    const x = Float32Array.from(a);
    expect(cosineDistance(x, squaredNorm(x, 0, 8), block, 8, squaredNorm(block, 8, 8))).toBe(ours(a, b));
  });
});
