import { describe, expect, it } from "vitest";
import { parseViewport } from "../../bench/client";

describe("the client bench's --viewport", () => {
  it("reads WIDTHxHEIGHT", () => {
    expect(parseViewport("640x360")).toEqual({ width: 640, height: 360 });
  });

  it("refuses anything else with a message naming the option", () => {
    for (const bad of ["640", "640x", "x360", "64x36", "640×360", "-640x360"]) {
      expect(() => parseViewport(bad)).toThrow(/--viewport must be WIDTHxHEIGHT/);
    }
  });
});
