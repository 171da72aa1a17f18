import { describe, expect, it } from "vitest";
import { fuseRankings, RRF_K } from "../../../server/memory";

describe("fuseRankings (reciprocal rank fusion)", () => {
  it("scores each id by the sum of 1 / (k + rank) over the lists it is in", () => {
    const fused = fuseRankings([["a", "b"], ["b", "c"]]);
    expect(fused.map((f) => f.id)).toEqual(["b", "a", "c"]);
    expect(fused[0]!.score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1), 12);
    expect(fused[1]!.score).toBeCloseTo(1 / (RRF_K + 1), 12);
  });

  it("lets agreement of both lists beat a single first place", () => {
    const fused = fuseRankings([["solo", "x1", "x2", "both"], ["y1", "both", "y2", "y3"]]);
    expect(fused[0]!.id).toBe("both");
  });

  it("keeps first-seen order for equal scores, and handles empty lists", () => {
    expect(fuseRankings([["a"], ["b"]]).map((f) => f.id)).toEqual(["a", "b"]);
    expect(fuseRankings([[], []])).toEqual([]);
    expect(fuseRankings([])).toEqual([]);
  });

  it("refuses a fusion constant that is not positive", () => {
    expect(() => fuseRankings([["a"]], 0)).toThrow(/positive/);
  });
});
