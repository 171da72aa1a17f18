import { describe, expect, it } from "vitest";
import { localDate, startOfLocalDay, wholeYearsBetween } from "../../../../server/memory/time/localCalendar";

const day = (year: number, month: number, dayOfMonth: number) => ({ year, month: month - 1, day: dayOfMonth });

describe("startOfLocalDay", () => {
  it("finds the owner's midnight on the days their clocks change", () => {
    // Auckland leaves summer time at 03:00 on Sunday 5 April 2026: that day starts at UTC+13, the next at UTC+12.
    expect(startOfLocalDay(day(2026, 4, 4), "Pacific/Auckland").toISOString()).toBe("2026-04-03T11:00:00.000Z");
    expect(startOfLocalDay(day(2026, 4, 5), "Pacific/Auckland").toISOString()).toBe("2026-04-04T11:00:00.000Z");
    expect(startOfLocalDay(day(2026, 4, 6), "Pacific/Auckland").toISOString()).toBe("2026-04-05T12:00:00.000Z");
    // Los Angeles starts summer time at 02:00 on Sunday 8 March 2026.
    expect(startOfLocalDay(day(2026, 3, 8), "America/Los_Angeles").toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(startOfLocalDay(day(2026, 3, 9), "America/Los_Angeles").toISOString()).toBe("2026-03-09T07:00:00.000Z");
  });

  it("is the instant whose local date is that day, just after the previous one ends", () => {
    for (const zone of ["Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Chatham"]) {
      const start = startOfLocalDay(day(2026, 11, 24), zone);
      expect(localDate(start, zone), zone).toMatchObject(day(2026, 11, 24));
      expect(localDate(new Date(start.getTime() - 1), zone), zone).toMatchObject(day(2026, 11, 23));
    }
  });
});

describe("wholeYearsBetween", () => {
  it("completes a year on its calendar date", () => {
    expect(wholeYearsBetween(day(2025, 11, 24), day(2026, 11, 23))).toBe(0);
    expect(wholeYearsBetween(day(2025, 11, 24), day(2026, 11, 24))).toBe(1);
    expect(wholeYearsBetween(day(2025, 11, 24), day(2027, 12, 1))).toBe(2);
    expect(wholeYearsBetween(day(2025, 11, 24), day(2025, 11, 24))).toBe(0);
  });

  it("completes a year begun on 29 February on 1 March of a common year", () => {
    expect(wholeYearsBetween(day(2024, 2, 29), day(2025, 2, 28))).toBe(0);
    expect(wholeYearsBetween(day(2024, 2, 29), day(2025, 3, 1))).toBe(1);
    expect(wholeYearsBetween(day(2024, 2, 29), day(2028, 2, 29))).toBe(4);
  });
});
