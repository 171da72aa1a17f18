import { describe, expect, it } from "vitest";
import { createIntent } from "../../../client/player/inputMapping";
import { createControllerInput, readController, stickIntent } from "../../../client/xr/thumbsticks";

function source(handedness: XRHandedness, axes: number[], triggerPressed: boolean): XRInputSource {
  const gamepad = { axes, buttons: [{ pressed: triggerPressed, touched: triggerPressed, value: triggerPressed ? 1 : 0 }] };
  return { handedness, gamepad } as unknown as XRInputSource;
}

describe("stickIntent", () => {
  it("pushed forward (negative y) walks forward at full speed", () => {
    const intent = stickIntent(0, -1, createIntent());
    expect(intent.forward).toBeCloseTo(1);
    expect(intent.right).toBeCloseTo(0);
    expect(intent.run).toBe(false);
  });

  it("is never faster diagonally", () => {
    const intent = stickIntent(1, -1, createIntent());
    expect(Math.hypot(intent.forward, intent.right)).toBeCloseTo(1);
    expect(intent.right).toBeGreaterThan(0);
  });

  it("ignores drift inside the dead zone and starts slowly past it", () => {
    expect(stickIntent(0.1, -0.05, createIntent()).forward).toBe(0);
    const crawl = stickIntent(0, -0.3, createIntent());
    expect(crawl.forward).toBeGreaterThan(0);
    expect(crawl.forward).toBeLessThan(0.3);
  });
});

describe("readController", () => {
  it("reads the thumbstick (xr-standard axes 2 and 3) and trigger of the asked hand", () => {
    const sources = [source("left", [0, 0, 0.1, -0.9], false), source("right", [0, 0, 0.8, 0.2], true)] as unknown as XRInputSourceArray;
    expect(readController(sources, "right", createControllerInput())).toEqual({ stickX: 0.8, stickY: 0.2, trigger: true });
    expect(readController(sources, "left", createControllerInput())).toEqual({ stickX: 0.1, stickY: -0.9, trigger: false });
  });

  it("reads nothing when that hand has no controller", () => {
    const sources = [source("left", [0, 0, 1, 1], true)] as unknown as XRInputSourceArray;
    expect(readController(sources, "right", createControllerInput())).toEqual({ stickX: 0, stickY: 0, trigger: false });
  });
});
