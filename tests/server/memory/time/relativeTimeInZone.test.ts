import { describe, expect, it } from "vitest";
import { parseTimeExpression } from "../../../../server/memory";
import { describeWhen } from "../../../../server/memory/time/describeWhen";

const range = (text: string, at: Date, zone: string) => {
  const found = parseTimeExpression(text, at, zone);
  return found && [found.from.toISOString(), found.to.toISOString()];
};

// 01:00 on Monday 1 June in Auckland (UTC+12), still Sunday 31 May in UTC.
const aucklandMonday = new Date("2026-05-31T13:00:00Z");
// 19:00 on Monday 23 November in Los Angeles (UTC-8), already Tuesday 24 November in UTC.
const losAngelesEvening = new Date("2026-11-24T03:00:00Z");

describe("time words at the owner's clock, where their date is not UTC's", () => {
  it.each([
    ["Pacific/Auckland", "yesterday", aucklandMonday, "2026-05-30T12:00:00.000Z", "2026-05-31T12:00:00.000Z"],
    ["Pacific/Auckland", "on Sunday", aucklandMonday, "2026-05-30T12:00:00.000Z", "2026-05-31T12:00:00.000Z"],
    ["Pacific/Auckland", "last week", aucklandMonday, "2026-05-24T12:00:00.000Z", "2026-05-31T12:00:00.000Z"],
    ["Pacific/Auckland", "in May", aucklandMonday, "2026-04-30T12:00:00.000Z", "2026-05-31T12:00:00.000Z"],
    ["Pacific/Auckland", "last month", aucklandMonday, "2026-04-30T12:00:00.000Z", "2026-05-31T12:00:00.000Z"],
    ["America/Los_Angeles", "yesterday", losAngelesEvening, "2026-11-22T08:00:00.000Z", "2026-11-23T08:00:00.000Z"],
    ["America/Los_Angeles", "today", losAngelesEvening, "2026-11-23T08:00:00.000Z", "2026-11-24T08:00:00.000Z"],
    ["America/Los_Angeles", "two days ago", losAngelesEvening, "2026-11-20T08:00:00.000Z", "2026-11-23T08:00:00.000Z"],
    ["America/Los_Angeles", "over the weekend", losAngelesEvening, "2026-11-21T08:00:00.000Z", "2026-11-23T08:00:00.000Z"],
  ])("%s: %s", (zone, text, at, from, to) => {
    expect(range(text, at, zone)).toEqual([from, to]);
  });

  it("reads the same words differently in UTC at that instant", () => {
    expect(range("yesterday", aucklandMonday, "UTC")).toEqual(["2026-05-30T00:00:00.000Z", "2026-05-31T00:00:00.000Z"]);
    expect(range("last month", aucklandMonday, "UTC")).toEqual(["2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z"]);
  });

  it("says when a memory happened by the owner's calendar", () => {
    // Noon on Monday 23 November in Los Angeles: today there, yesterday in UTC.
    const mondayNoon = new Date("2026-11-23T20:00:00Z");
    expect(describeWhen(mondayNoon, losAngelesEvening, "America/Los_Angeles")).toBe("today");
    expect(describeWhen(mondayNoon, losAngelesEvening, "UTC")).toBe("yesterday");
    // 00:30 on 21 May in Auckland, 20 May in UTC.
    const lateMay = new Date("2026-05-20T12:30:00Z");
    expect(describeWhen(lateMay, aucklandMonday, "Pacific/Auckland")).toBe("on 21 May 2026");
    expect(describeWhen(lateMay, aucklandMonday, "UTC")).toBe("on 20 May 2026");
  });
});
