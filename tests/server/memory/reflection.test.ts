import { describe, expect, it } from "vitest";
import { summariseOffline } from "../../../server/memory/reflection/offlineSummary";

describe("summariseOffline", () => {
  it("keeps the most important lines, in the order they were said, each cut to its first sentence", () => {
    const lines = [
      { speaker: "Ann", text: "Nice weather.", importance: 0.3 },
      { speaker: "Ann", text: "My father is in hospital. I am worried.", importance: 0.9 },
      { speaker: "Kin", text: "I'm here for you.", importance: 0.3 },
      { speaker: "Ann", text: "I start my new job on Monday and I have no idea what to wear to a place full of strangers who all know each other", importance: 0.65 },
      { speaker: "Ann", text: "Ok.", importance: 0.3 },
      { speaker: "Ann", text: "My sister is called Maya.", importance: 0.65 },
    ];
    const summary = summariseOffline(lines, "in the Plaza");
    expect(summary).toBe(
      "Talked in the Plaza (6 lines). Key points: Ann: My father is in hospital; Kin: I'm here for you; " +
        "Ann: I start my new job on Monday and I have no idea what to…; Ann: My sister is called Maya.",
    );
    expect(summariseOffline(lines, "in the Plaza")).toBe(summary);
  });

  it("has nothing to say about an empty session", () => {
    expect(summariseOffline([], "in the Plaza")).toBeUndefined();
    expect(summariseOffline([{ speaker: "Ann", text: "  ", importance: 1 }], "in the Plaza")).toBeUndefined();
  });
});
