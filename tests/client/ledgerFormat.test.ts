import { describe, expect, it } from "vitest";
import { milestoneLabel, percent, whenLabel, whereLabel } from "../../client/ledger/ledgerFormat";

describe("ledger words", () => {
  const now = new Date(2026, 10, 22, 15, 0);
  const at = (days: number, hour = 9) => new Date(2026, 10, 22 - days, hour, 30).toISOString();

  it("says when in calendar days, then as a date", () => {
    expect(whenLabel(at(0, 1), now)).toBe("today");
    expect(whenLabel(at(1, 23), now)).toBe("yesterday");
    expect(whenLabel(at(5), now)).toBe("5 days ago");
    expect(whenLabel(at(30), now)).toMatch(/23|Oct/);
    expect(whenLabel(new Date(2024, 2, 3).toISOString(), now)).toMatch(/2024/);
  });

  it("says where with whatever place the memory has", () => {
    expect(whereLabel("meadow", "the old oak")).toBe("the old oak, meadow");
    expect(whereLabel("meadow", null)).toBe("in meadow");
    expect(whereLabel(null, null)).toBe("");
  });

  it("names milestones, including numbered ones", () => {
    expect(milestoneLabel("first_meeting")).toBe("First meeting");
    expect(milestoneLabel("conversations_10")).toBe("10th conversation");
    expect(milestoneLabel("conversations_22")).toBe("22nd conversation");
    expect(milestoneLabel("anniversary_1")).toBe("One year since you met");
    expect(milestoneLabel("anniversary_3")).toBe("3 years since you met");
    expect(milestoneLabel("something_new")).toBe("something new");
  });

  it("turns 0..1 into a bounded percentage", () => {
    expect([percent(0.456), percent(-1), percent(2)]).toEqual([46, 0, 100]);
  });
});
