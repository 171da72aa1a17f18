import { describe, expect, it } from "vitest";
import { InsecurePageError, describeMicError } from "../../../../client/voice/input/micErrors";

describe("describeMicError", () => {
  it.each([
    ["NotAllowedError", /allow it for this site/],
    ["SecurityError", /allow it for this site/],
    ["NotFoundError", /No microphone was found/],
    ["OverconstrainedError", /No microphone was found/],
    ["NotReadableError", /another program may be using it/],
  ])("explains a %s from getUserMedia", (name, explanation) => {
    expect(describeMicError(new DOMException("denied", name))).toMatch(explanation);
  });

  it("says that a plain-http page gets no microphone", () => {
    expect(describeMicError(new InsecurePageError())).toMatch(/secure page: open Kindred over https, or on localhost/);
  });

  it("passes anything else on with its own message", () => {
    expect(describeMicError(new Error("wasm failed to load"))).toBe("The microphone could not be started: wasm failed to load");
    expect(describeMicError("odd")).toBe("The microphone could not be started: odd");
  });
});
