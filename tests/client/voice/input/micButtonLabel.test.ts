import { describe, expect, it } from "vitest";
import { micButtonLabel } from "../../../../client/voice/input/micButtonLabel";

describe("micButtonLabel", () => {
  it.each([
    [{ mode: "push-to-talk", state: "idle", starting: false }, "Hold V to talk"],
    [{ mode: "push-to-talk", state: "listening", starting: false }, "Opening the microphone…"],
    [{ mode: "push-to-talk", state: "speaking", starting: false }, "Hearing you…"],
    [{ mode: "push-to-talk", state: "sending", starting: false }, "Sending…"],
    [{ mode: "hands-free", state: "idle", starting: true }, "Starting the microphone…"],
    [{ mode: "hands-free", state: "listening", starting: false }, "Listening — just speak"],
    [{ mode: "hands-free", state: "unavailable", starting: false }, "Speech recognition unavailable"],
  ] as const)("says what the microphone does: %o", (input, label) => {
    expect(micButtonLabel(input, "V")).toBe(label);
  });
});
