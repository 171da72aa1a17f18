import { describe, expect, it } from "vitest";
import { addressedCompanion, vocativeIndex } from "../../../server/rooms";

describe("vocativeIndex", () => {
  it.each([
    ["Wren, how are you?", 0],
    ["wren how are you", 0],
    ["hey Wren!", 4],
    ["Oh, hi WREN", 7],
    ["@Wren what's that?", 1],
    ["look @wren", 6],
    ["How are you, Wren?", 13],
    ["Tell me, Wren, where the fountain is", 9],
    ["thanks Wren", 7],
    ["ok so... hey wren", 13],
    ["Wren", 0],
  ])("finds the name used to address someone in %j", (text, at) => {
    expect(vocativeIndex(text, "Wren")).toBe(at);
  });

  it.each([
    ["a name inside another word", "Wrenfield, hi"],
    ["a name ending another word", "Cwren, hi"],
    ["a name talked about", "I saw Wren yesterday"],
    ["a possessive", "Wren's hat is lovely"],
    ["a name in the middle without a comma", "do you think Wren knows"],
    ["no name at all", "hello everyone"],
    ["an address to someone else", "@Wrenna hi"],
  ])("ignores %s", (_what, text) => {
    expect(vocativeIndex(text, "Wren")).toBe(-1);
  });

  it("matches names of several words and special characters literally", () => {
    expect(vocativeIndex("hey Mister   Fox!", "Mister Fox")).toBe(4);
    expect(vocativeIndex("hey Mister Foxglove", "Mister Fox")).toBe(-1);
    expect(vocativeIndex("R2.D2, beep?", "R2.D2")).toBe(0);
    expect(vocativeIndex("R2xD2, beep?", "R2.D2")).toBe(-1);
    expect(vocativeIndex("Zoë, bonjour", "zoë")).toBe(0);
  });

  it("never matches an empty name", () => {
    expect(vocativeIndex(", hi", "  ")).toBe(-1);
  });
});

describe("addressedCompanion", () => {
  const wrenNear = { name: "Wren", x: 1, z: 0 };
  const wrenFar = { name: "Wren", x: 9, z: 0 };
  const pip = { name: "Pip", x: 20, z: 0 };
  const speaker = { x: 0, z: 0, own: undefined };

  it("is the companion named, wherever it stands", () => {
    expect(addressedCompanion("Pip, come here", speaker, [wrenNear, pip])).toBe(pip);
  });

  it("is none when no companion is addressed", () => {
    expect(addressedCompanion("I like Pip", speaker, [wrenNear, pip])).toBeUndefined();
  });

  it("is the nearest of several with the name", () => {
    expect(addressedCompanion("hey Wren", speaker, [wrenFar, wrenNear, pip])).toBe(wrenNear);
    expect(addressedCompanion("hey Wren", { x: 10, z: 0, own: undefined }, [wrenFar, wrenNear, pip])).toBe(wrenFar);
  });

  it("is the speaker's own companion when it has the name, however far", () => {
    expect(addressedCompanion("hey Wren", { ...speaker, own: wrenFar }, [wrenNear, wrenFar])).toBe(wrenFar);
  });

  it("is the one named first when several are addressed", () => {
    expect(addressedCompanion("Pip, Wren, hello", speaker, [wrenNear, pip])).toBe(pip);
  });
});
