import { describe, expect, it } from "vitest";
import { formatAllocationSites, topAllocationSites, type AllocationProfile } from "../../../bench/support/allocationProfile";

const frame = (functionName: string, url = "", lineNumber = -1, columnNumber = -1) => ({ functionName, url, lineNumber, columnNumber });

/** root → frame → (decode, update), and update again under a message handler. */
const PROFILE: AllocationProfile = {
  head: {
    callFrame: frame("(root)"),
    selfSize: 0,
    children: [
      {
        callFrame: frame("frame", "http://127.0.0.1/assets/index-abc.js", 0, 10),
        selfSize: 1024,
        children: [
          { callFrame: frame("decode", "http://127.0.0.1/assets/index-abc.js?v=2", 60, 4), selfSize: 4096 },
          { callFrame: frame("update", "http://127.0.0.1/assets/three.js", 9, 0), selfSize: 2048 },
        ],
      },
      { callFrame: frame("onmessage", "http://127.0.0.1/assets/index-abc.js", 3, 1), selfSize: 0, children: [{ callFrame: frame("update", "http://127.0.0.1/assets/three.js", 9, 0), selfSize: 1024 }] },
    ],
  },
};

describe("topAllocationSites", () => {
  it("sums the bytes each function allocated itself over every place it was called from, largest first", () => {
    const rows = topAllocationSites(PROFILE);
    expect(rows.map((r) => r.fn)).toEqual(["decode (index-abc.js:61:5)", "update (three.js:10:1)", "frame (index-abc.js:1:11)"]);
    expect(rows.map((r) => r.kb)).toEqual([4, 3, 1]);
    expect(rows.map((r) => r.percent)).toEqual([50, 37.5, 12.5]);
    expect(topAllocationSites(PROFILE, 1)).toHaveLength(1);
    expect(formatAllocationSites(rows).split("\n")[0]).toMatch(/^\s+4\.0 KB\s+50\.0 %  decode/);
  });

  it("refuses what is not a heap profile", () => {
    expect(() => topAllocationSites({} as AllocationProfile)).toThrow(/not a sampling heap profile/);
  });
});
