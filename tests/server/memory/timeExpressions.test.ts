import { describe, expect, it } from "vitest";
import { parseTimeExpression, planDate } from "../../../server/memory";
import { describeWhen } from "../../../server/memory/time/describeWhen";

// A Sunday.
const now = new Date("2026-11-22T10:00:00Z");
const range = (text: string, at = now, zone = "UTC") => {
  const found = parseTimeExpression(text, at, zone);
  return found && [found.from.toISOString(), found.to.toISOString(), found.phrase];
};

describe("parseTimeExpression", () => {
  it.each([
    ["What did we do yesterday?", "2026-11-21T00:00:00.000Z", "2026-11-22T00:00:00.000Z", "yesterday"],
    ["and the day before yesterday?", "2026-11-20T00:00:00.000Z", "2026-11-21T00:00:00.000Z", "the day before yesterday"],
    ["what happened today", "2026-11-22T00:00:00.000Z", "2026-11-23T00:00:00.000Z", "today"],
    ["Remember last week?", "2026-11-09T00:00:00.000Z", "2026-11-16T00:00:00.000Z", "last week"],
    ["two days ago we walked", "2026-11-19T00:00:00.000Z", "2026-11-22T00:00:00.000Z", "two days ago"],
    ["a week ago", "2026-11-12T00:00:00.000Z", "2026-11-19T00:00:00.000Z", "a week ago"],
    ["what did I say in May?", "2026-05-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z", "in may"],
    ["in December", "2025-12-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z", "in december"],
    ["in May 2023", "2023-05-01T00:00:00.000Z", "2023-06-01T00:00:00.000Z", "in may 2023"],
    ["last month", "2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z", "last month"],
    ["on Tuesday", "2026-11-17T00:00:00.000Z", "2026-11-18T00:00:00.000Z", "on tuesday"],
    ["over the weekend", "2026-11-21T00:00:00.000Z", "2026-11-23T00:00:00.000Z", "over the weekend"],
    ["last weekend", "2026-11-14T00:00:00.000Z", "2026-11-16T00:00:00.000Z", "last weekend"],
  ])("%s", (text, from, to, phrase) => {
    expect(range(text)).toEqual([from, to, phrase]);
  });

  it("counts days at the owner's clock, not UTC's", () => {
    // 21:00 on Saturday 21 November in New York (UTC-5).
    const evening = new Date("2026-11-22T02:00:00Z");
    expect(range("yesterday", evening, "America/New_York")).toEqual(["2026-11-20T05:00:00.000Z", "2026-11-21T05:00:00.000Z", "yesterday"]);
    expect(range("yesterday", evening, "Not/AZone")).toEqual(["2026-11-21T00:00:00.000Z", "2026-11-22T00:00:00.000Z", "yesterday"]);
  });

  it("finds nothing in a question that names no time", () => {
    expect(parseTimeExpression("What is my sister called?", now, "UTC")).toBeUndefined();
  });
});

describe("planDate", () => {
  it.each([
    ["going to Lisbon next Friday", "2026-11-27"],
    ["a dentist appointment tomorrow", "2026-11-23"],
    ["flying to Rome on 3 May", "2027-05-03"],
    ["the party on December 1st", "2026-12-01"],
    ["starting a new job next week", "2026-11-23"],
    ["seeing Maya in two weeks", "2026-12-06"],
    ["a picnic this weekend", "2026-11-22"],
  ])("%s → %s", (text, date) => {
    expect(planDate(text, now, "UTC")).toBe(date);
  });

  it("names no date for plans without one, or for impossible dates", () => {
    expect(planDate("going to sleep", now, "UTC")).toBeUndefined();
    expect(planDate("on 31 February", now, "UTC")).toBeUndefined();
  });
});

describe("describeWhen", () => {
  it("says when as the owner would", () => {
    expect(describeWhen(new Date("2026-11-22T08:00:00Z"), now, "UTC")).toBe("today");
    expect(describeWhen(new Date("2026-11-21T23:00:00Z"), now, "UTC")).toBe("yesterday");
    expect(describeWhen(new Date("2026-11-19T12:00:00Z"), now, "UTC")).toBe("3 days ago");
    expect(describeWhen(new Date("2023-05-08T13:56:00Z"), now, "UTC")).toBe("on 8 May 2023");
  });
});
