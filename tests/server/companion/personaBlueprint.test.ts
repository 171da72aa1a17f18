import { describe, expect, it } from "vitest";
import { describeZodError } from "../../../server/validation";
import { ACTIONS, defaultPersona, EMOTIONS, PersonaBlueprint } from "../../../shared/persona";

describe("PersonaBlueprint", () => {
  it("accepts the default persona, a warm companion called Wren at version 1", () => {
    const persona = defaultPersona();
    expect(PersonaBlueprint.safeParse(persona).success).toBe(true);
    expect(persona).toMatchObject({ name: "Wren", version: 1, language: "en" });
    expect(persona.bigFive.agreeableness).toBeGreaterThan(0.7);
  });

  it("returns a fresh copy each time, so one companion's edits never leak into another's", () => {
    const a = defaultPersona();
    a.interests.push("chess");
    expect(defaultPersona().interests).not.toContain("chess");
  });

  const broken: [string, (p: Record<string, unknown>) => unknown, string][] = [
    ["an empty name", (p) => ({ ...p, name: "  " }), "name"],
    ["a name too long", (p) => ({ ...p, name: "x".repeat(41) }), "name"],
    ["a backstory too long", (p) => ({ ...p, backstory: "x".repeat(2001) }), "backstory"],
    ["a trait above 1", (p) => ({ ...p, bigFive: { ...(p.bigFive as object), openness: 1.5 } }), "bigFive.openness"],
    ["a trait that is not a number", (p) => ({ ...p, bigFive: { ...(p.bigFive as object), neuroticism: Number.NaN } }), "bigFive.neuroticism"],
    ["too many interests", (p) => ({ ...p, interests: Array.from({ length: 17 }, (_, i) => `interest ${i}`) }), "interests"],
    ["an empty quirk", (p) => ({ ...p, speakingStyle: { ...(p.speakingStyle as object), quirks: [""] } }), "speakingStyle.quirks.0"],
    ["a bad language tag", (p) => ({ ...p, language: "english please" }), "language"],
    ["a voice too fast", (p) => ({ ...p, voice: { id: "af_heart", speed: 5 } }), "voice.speed"],
    ["a bad tint colour", (p) => ({ ...p, appearance: { avatarPreset: "wren", tints: { hair: "red" } } }), "appearance.tints.hair"],
    ["an unknown field", (p) => ({ ...p, systemPrompt: "you are an assistant" }), "systemPrompt"],
    ["a version of 0", (p) => ({ ...p, version: 0 }), "version"],
    ["a missing field", ({ initiative: _, ...rest }) => rest, "initiative"],
  ];
  it.each(broken)("rejects %s with a message naming the field", (_name, mutate, field) => {
    const result = PersonaBlueprint.safeParse(mutate(defaultPersona() as unknown as Record<string, unknown>));
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toContain(field);
  });

  it("trims strings", () => {
    expect(PersonaBlueprint.parse({ ...defaultPersona(), name: "  Wren  " }).name).toBe("Wren");
  });
});

describe("expression vocabulary", () => {
  it("names the six emotions and four actions", () => {
    expect(EMOTIONS).toEqual(["happy", "sad", "angry", "surprised", "relaxed", "neutral"]);
    expect(ACTIONS).toEqual(["wave", "nod", "shake", "point"]);
  });
});
