import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rememberAvatar, rememberedAvatar } from "../../client/player/avatarChoice";

/** A Storage kept in a Map, as a browser's localStorage would be. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, String(value)),
  };
}

describe("the player's remembered avatar", () => {
  beforeEach(() => vi.stubGlobal("localStorage", memoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it("is the default preset until one is chosen, then the chosen one", () => {
    expect(rememberedAvatar()).toBe("wren");
    rememberAvatar("juniper");
    expect(rememberedAvatar()).toBe("juniper");
  });

  it("falls back to the default when the stored value is not a preset", () => {
    localStorage.setItem("kindred.avatar", "upload:../../etc");
    expect(rememberedAvatar()).toBe("wren");
  });

  it("works without storage at all (private mode): the default, and choosing throws nothing", () => {
    const refusing = memoryStorage();
    refusing.getItem = () => {
      throw new Error("SecurityError");
    };
    refusing.setItem = () => {
      throw new Error("QuotaExceededError");
    };
    vi.stubGlobal("localStorage", refusing);
    expect(() => rememberAvatar("kit")).not.toThrow();
    expect(rememberedAvatar()).toBe("wren");
  });
});
