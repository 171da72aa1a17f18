import { beforeEach, describe, expect, it } from "vitest";
import { forgetIdentity, lastUsedName, loadIdentity, saveIdentity } from "../../client/net/identityStorage";
import { installMemoryStorage } from "../support/memoryStorage";

beforeEach(() => {
  installMemoryStorage();
});

describe("identity storage", () => {
  const ada = { token: "t-ada", userId: "u-ada", name: "Ada" };
  const bruno = { token: "t-bruno", userId: "u-bruno", name: "Bruno" };

  it("gives back the identity saved under the same name, whatever its case and spacing", () => {
    saveIdentity(ada);
    expect(loadIdentity("Ada")).toEqual(ada);
    expect(loadIdentity("  ada ")).toEqual(ada);
  });

  it("keeps different names as different people", () => {
    saveIdentity(ada);
    saveIdentity(bruno);
    expect(loadIdentity("Ada")?.userId).toBe("u-ada");
    expect(loadIdentity("Bruno")?.userId).toBe("u-bruno");
    expect(loadIdentity("Carla")).toBeNull();
  });

  it("remembers the last name used, for the name field", () => {
    expect(lastUsedName()).toBe("");
    saveIdentity(ada);
    saveIdentity(bruno);
    expect(lastUsedName()).toBe("Bruno");
  });

  it("forgets one identity without touching the others", () => {
    saveIdentity(ada);
    saveIdentity(bruno);
    forgetIdentity("ADA");
    expect(loadIdentity("Ada")).toBeNull();
    expect(loadIdentity("Bruno")).toEqual(bruno);
  });

  it("treats corrupt storage as a first visit", () => {
    localStorage.setItem("kindred.identities", "{not json");
    expect(loadIdentity("Ada")).toBeNull();
    localStorage.setItem("kindred.identities", JSON.stringify({ ada: { token: 3 } }));
    expect(loadIdentity("Ada")).toBeNull();
    saveIdentity(ada);
    expect(loadIdentity("Ada")).toEqual(ada);
  });
});
