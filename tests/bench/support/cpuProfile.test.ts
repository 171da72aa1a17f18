import { describe, expect, it } from "vitest";
import { formatSelfTime, topSelfTime, type CpuProfile } from "../../../bench/support/cpuProfile";

const frame = (functionName: string, url = "", lineNumber = -1, columnNumber = -1) => ({ functionName, url, lineNumber, columnNumber });

/** root → main → (update, render); samples land in update, render, GC, program and idle. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 5, 6, 7] },
    { id: 2, callFrame: frame("main", "http://127.0.0.1/assets/index-abc.js", 0, 10), children: [3, 4] },
    { id: 3, callFrame: frame("update", "http://127.0.0.1/assets/index-abc.js?v=1", 41, 7) },
    { id: 4, callFrame: frame("render", "http://127.0.0.1/assets/three.js", 9, 0) },
    { id: 5, callFrame: frame("(garbage collector)") },
    { id: 6, callFrame: frame("(program)") },
    { id: 7, callFrame: frame("(idle)") },
  ],
  startTime: 0,
  endTime: 10_000,
  // update 3 ms (2 + 1), render 1 ms, GC 1 ms, program 4 ms, idle 1 ms.
  samples: [3, 4, 3, 5, 6, 7, 3],
  timeDeltas: [0, 2000, 1000, 1000, 1000, 4000, 1000, 0],
};

describe("topSelfTime", () => {
  it("sums each JavaScript function's self time over its samples, largest first, leaving out idle and native time", () => {
    const rows = topSelfTime(PROFILE);
    expect(rows.map((r) => r.fn)).toEqual(["update (index-abc.js:42:8)", "render (three.js:10:1)", "(garbage collector)"]);
    expect(rows.map((r) => r.selfMs)).toEqual([3, 1, 1]);
    expect(rows.map((r) => r.percent)).toEqual([60, 20, 20]);
    expect(topSelfTime(PROFILE, 1)).toHaveLength(1);
    expect(formatSelfTime(rows).split("\n")[0]).toBe("      3.0 ms  60.0 %  update (index-abc.js:42:8)");
  });

  it("refuses something that is not a profile", () => {
    expect(() => topSelfTime({ nodes: [], startTime: 0, endTime: 0 })).toThrow(/not a CPU profile/);
  });
});
