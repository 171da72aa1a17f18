import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMemoryStorage, type MemoryStorage } from "../../support/memoryStorage";
import { HEIGHT_SETTING_KEY } from "../../../client/xr/heightStorage";

let storage: MemoryStorage;
beforeEach(() => {
  storage = installMemoryStorage();
  vi.resetModules();
  vi.restoreAllMocks();
});

/** The store as a fresh page load creates it (the same localStorage). */
async function load() {
  return (await import("../../../client/xr/heightSetting")).useHeightSetting;
}

describe("the headset height setting", () => {
  it("is standing and not calibrated on a first visit", async () => {
    expect((await load()).getState()).toMatchObject({ mode: "standing", standingEyeHeight: null, seatedEyeHeight: null, refusal: "" });
  });

  it("keeps seated mode and each mode's calibration over a reload", async () => {
    const setting = await load();
    expect(setting.getState().calibrate(1.68)).toBe(true);
    setting.getState().setMode("seated");
    expect(setting.getState().calibrate(1.12)).toBe(true);
    vi.resetModules();
    expect((await load()).getState()).toMatchObject({ mode: "seated", standingEyeHeight: 1.68, seatedEyeHeight: 1.12 });
  });

  it("resets only the current mode's calibration, for good", async () => {
    const setting = await load();
    setting.getState().calibrate(1.68);
    setting.getState().setMode("seated");
    setting.getState().calibrate(1.12);
    setting.getState().reset();
    expect(setting.getState()).toMatchObject({ seatedEyeHeight: null, standingEyeHeight: 1.68 });
    vi.resetModules();
    expect((await load()).getState()).toMatchObject({ mode: "seated", seatedEyeHeight: null, standingEyeHeight: 1.68 });
  });

  it("refuses a height no eye is at, says why, and changes nothing", async () => {
    const setting = await load();
    setting.getState().calibrate(1.7);
    const kept = storage.getItem(HEIGHT_SETTING_KEY);
    for (const height of [0.2, 2.9, Number.NaN, 0]) {
      expect(setting.getState().calibrate(height)).toBe(false);
      expect(setting.getState().standingEyeHeight).toBe(1.7);
      expect(storage.getItem(HEIGHT_SETTING_KEY)).toBe(kept);
    }
    expect(setting.getState().refusal).toMatch(/^Not calibrated: the headset is 0\.00 m/);
    setting.getState().calibrate(Number.NaN);
    expect(setting.getState().refusal).toMatch(/not tracked/);
    // The next calibration that works clears the reason.
    setting.getState().calibrate(1.72);
    expect(setting.getState().refusal).toBe("");
  });

  it("switches to standing when the wearer stood up, says so until the next choice, and keeps standing over a reload", async () => {
    const setting = await load();
    setting.getState().setMode("seated");
    setting.getState().calibrate(1.1);
    setting.getState().stoodUp();
    expect(setting.getState()).toMatchObject({ mode: "standing", seatedEyeHeight: 1.1, notice: expect.stringMatching(/^Standing: you stood up/) });
    vi.resetModules();
    expect((await load()).getState()).toMatchObject({ mode: "standing", seatedEyeHeight: 1.1, notice: "" });
    const again = await load();
    again.getState().stoodUp();
    again.getState().setMode("seated");
    expect(again.getState()).toMatchObject({ mode: "seated", notice: "" });
  });

  it("refuses a mode that is neither seated nor standing", async () => {
    const setting = await load();
    expect(() => setting.getState().setMode("lying" as "seated")).toThrow(/"standing" or "seated", got "lying"/);
    expect(setting.getState().mode).toBe("standing");
    expect(storage.getItem(HEIGHT_SETTING_KEY)).toBeNull();
  });

  it("starts afresh, with a warning saying why, from a damaged entry", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    storage.setItem(HEIGHT_SETTING_KEY, JSON.stringify({ mode: "seated", standingEyeHeight: 7, seatedEyeHeight: null }));
    expect((await load()).getState()).toMatchObject({ mode: "standing", standingEyeHeight: null });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/kindred\.xr\.height is damaged \(standingEyeHeight: /));
    vi.resetModules();
    storage.setItem(HEIGHT_SETTING_KEY, "{not json");
    expect((await load()).getState().mode).toBe("standing");
    expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/is not JSON/));
  });
});
