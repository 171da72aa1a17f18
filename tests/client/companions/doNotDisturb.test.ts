import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMemoryStorage, type MemoryStorage } from "../../support/memoryStorage";

let storage: MemoryStorage;
beforeEach(() => {
  storage = installMemoryStorage();
  vi.resetModules();
});

/** The store as a fresh page load creates it (the same localStorage). */
async function load() {
  return (await import("../../../client/companions/doNotDisturb")).useDoNotDisturb;
}

describe("do not disturb", () => {
  it("is off on a first visit, in the headset and out of it", async () => {
    const dnd = await load();
    expect(dnd.getState()).toMatchObject({ wanted: false, on: false, muted: [] });
    dnd.getState().setInHeadset(true);
    expect(dnd.getState().on).toBe(false);
  });

  it("is in effect only in a headset session, wanted or not", async () => {
    const dnd = await load();
    dnd.getState().setWanted(true);
    expect(dnd.getState().on).toBe(false);
    dnd.getState().setInHeadset(true);
    expect(dnd.getState().on).toBe(true);
    dnd.getState().setInHeadset(false);
    expect(dnd.getState()).toMatchObject({ wanted: true, on: false });
  });

  it("is restored after a reload: the next headset session starts with it on", async () => {
    (await load()).getState().setWanted(true);
    vi.resetModules();
    const dnd = await load();
    expect(dnd.getState().wanted).toBe(true);
    dnd.getState().setInHeadset(true);
    expect(dnd.getState().on).toBe(true);

    dnd.getState().setWanted(false);
    vi.resetModules();
    expect((await load()).getState().wanted).toBe(false);
  });

  it("reads a damaged or strange stored value as off with nothing to undo", async () => {
    for (const value of ["{not json", "[1,2]", '"on"', '{"wanted":"yes","muted":[3,"",null,"sol"]}']) {
      storage.setItem("kindred.doNotDisturb", value);
      vi.resetModules();
      const state = (await load()).getState();
      expect(state.wanted).toBe(false);
      expect(state.muted).toEqual(value.includes("sol") ? ["sol"] : []);
    }
  });

  it("refuses a switch that is not true or false, and changes nothing", async () => {
    const dnd = await load();
    expect(() => dnd.getState().setWanted("yes" as unknown as boolean)).toThrow(/true or false/);
    expect(dnd.getState().wanted).toBe(false);
    expect(storage.getItem("kindred.doNotDisturb")).toBeNull();
  });
});
