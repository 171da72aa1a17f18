import { describe, expect, it } from "vitest";
import { findPointOfInterest } from "../../../client/companions/pointOfInterest";
import type { PointOfInterest } from "../../../shared/world";

const place = (id: string, name: string): PointOfInterest => ({ id, name, position: [0, 0, 0], radius: 2 });
const plaza = [
  place("fountain", "the fountain"),
  place("clock-tower", "the clock tower"),
  place("bench", "the bench by the fountain"),
  place("cafe", "the café"),
  place("cherry-trees", "the cherry trees"),
];
const found = (target: string) => findPointOfInterest(plaza, target)?.id ?? null;

describe("findPointOfInterest", () => {
  it("finds a place by its name or id, whatever the case, articles and accents", () => {
    expect(found("the fountain")).toBe("fountain");
    expect(found("Fountain")).toBe("fountain");
    expect(found("clock-tower")).toBe("clock-tower");
    expect(found("cafe")).toBe("cafe");
    expect(found("the Café!")).toBe("cafe");
  });

  it("takes the place sharing most of its name when there is no whole match", () => {
    expect(found("tower")).toBe("clock-tower");
    expect(found("that old clock")).toBe("clock-tower");
    expect(found("the cherry tree")).toBe("cherry-trees");
    // "bench" alone is closer to "the bench by the fountain" than anything else.
    expect(found("bench")).toBe("bench");
    // The whole name beats a place that merely mentions it.
    expect(found("fountain")).toBe("fountain");
  });

  it("finds nothing for a place this world does not have, or an empty target", () => {
    expect(found("the moon")).toBeNull();
    expect(found("the")).toBeNull();
    expect(found("")).toBeNull();
    expect(findPointOfInterest([], "fountain")).toBeNull();
  });
});
