import { describe, expect, it } from "vitest";
import { defaultPersona, PersonaBlueprint } from "../../../../shared/persona";
import { exportCard, parseCard, personaFromCard, type CardFormat } from "../../../../server/companions";
import { cardChunksOf, chunksOf, v2Card, v3Card } from "./cardFixtures";

/** What the service stores after an import: the mapped persona, validated, as its next version. */
function imported(card: unknown, base = defaultPersona()): PersonaBlueprint {
  return PersonaBlueprint.parse({ ...personaFromCard(parseCard(card as object), base), version: base.version + 1 });
}

describe("importing a card", () => {
  it("maps name, backstory (description and scenario) and personality traits onto the blueprint", () => {
    const persona = imported(v2Card());
    expect(persona.name).toBe("Captain Mirela Voss");
    expect(persona.backstory).toBe(
      "Captain Mirela Voss commands the airship Kestrel and owes your owner a favour.\n\nThe Kestrel is docked at a floating market.",
    );
    expect(persona.speakingStyle.quirks).toEqual(["gruff", "loyal", "hums sea shanties", "counts everything twice"]);
  });

  it("keeps what cards do not describe (looks, traits, voice, language) from the persona it replaces", () => {
    const base = { ...defaultPersona(), pronouns: "they/them", language: "de" };
    const { name: _n, backstory: _b, speakingStyle, card: _c, version: _v, ...rest } = imported(v3Card(), base);
    const { name: _n2, backstory: _b2, speakingStyle: baseStyle, version: _v2, ...baseRest } = base;
    expect(rest).toEqual(baseRest);
    expect({ ...speakingStyle, quirks: baseStyle.quirks }).toEqual(baseStyle);
  });

  it("keeps the persona's quirks when the card's personality is prose rather than a list of traits", () => {
    const prose = "She is a woman of few words who has spent twenty years in the sky and distrusts anyone who has never been seasick even once.";
    expect(imported(v2Card({ personality: prose })).speakingStyle.quirks).toEqual(defaultPersona().speakingStyle.quirks);
  });

  it("clips a name and a backstory longer than the blueprint allows", () => {
    const persona = imported(v2Card({ name: "Lady Evangeline Seraphina Montgomery-Whitfield III", description: "word ".repeat(600) }));
    expect(persona.name.length).toBeLessThanOrEqual(40);
    expect(persona.name.startsWith("Lady Evangeline")).toBe(true);
    expect(persona.backstory.length).toBeLessThanOrEqual(2000);
    expect(persona.backstory.endsWith("…")).toBe(true);
  });
});

describe("round trip import → export → import", () => {
  const cases: [string, () => ReturnType<typeof v2Card> | ReturnType<typeof v3Card>, CardFormat][] = [
    ["V2", v2Card, "v2"],
    ["V3", v3Card, "v3"],
  ];
  for (const [label, build, format] of cases) {
    for (const as of ["json", "png"] as const) {
      it(`keeps every field of a ${label} card exported as ${as}`, () => {
        const original = parseCard(build());
        const persona = imported(build());
        const file = exportCard(persona, { format, as });
        const again = parseCard(file.bytes);
        expect(again).toEqual(original);
        // Unknown keys from other tools, at every level the specs say must survive.
        expect(again.data).toMatchObject({
          an_unknown_data_field: { from: "another tool" },
          extensions: { talkativeness: "0.5", "kindred-test/custom": { nested: ["kept", 1, null] } },
          character_book: { extensions: { "kindred-test/book": true }, entries: [{ some_tool_only_field: [1, 2, 3] }] },
        });
        // And a second import stores the very same persona.
        expect(imported(file.bytes)).toEqual(persona);
      });
    }
  }

  it("keeps the full name and text of a card whose name and backstory had to be clipped", () => {
    const card = v2Card({ name: "Lady Evangeline Seraphina Montgomery-Whitfield III", description: "word ".repeat(600) });
    expect(parseCard(exportCard(imported(card), { format: "v2", as: "json" }).bytes)).toEqual(parseCard(card));
  });
});

describe("exporting", () => {
  it("writes the owner's later edits over the card's fields and keeps the rest", () => {
    const persona = { ...imported(v3Card()), name: "Mira", backstory: "Retired from the sky.", speakingStyle: { ...defaultPersona().speakingStyle, quirks: ["whistles"] } };
    const card = parseCard(exportCard(persona, { format: "v3", as: "json" }).bytes);
    expect(card.data).toMatchObject({ name: "Mira", description: "Retired from the sky.", scenario: "", personality: "whistles" });
    const { name: _n, description: _d, scenario: _s, personality: _p, modification_date, ...rest } = card.data as Record<string, unknown>;
    const { name: _n2, description: _d2, scenario: _s2, personality: _p2, modification_date: before, ...originalRest } = parseCard(v3Card()).data as Record<string, unknown>;
    expect(rest).toEqual(originalRest);
    expect(modification_date).toBeGreaterThan(before as number);
  });

  it("builds a card from a persona that never had one", () => {
    const persona = defaultPersona();
    for (const format of ["v2", "v3"] as const) {
      const card = parseCard(exportCard(persona, { format, as: "json" }).bytes);
      expect(card.spec).toBe(format === "v2" ? "chara_card_v2" : "chara_card_v3");
      expect(card.data).toMatchObject({ name: "Wren", description: persona.backstory, personality: persona.speakingStyle.quirks.join(", ") });
    }
  });

  it("leaves the V3-only fields out of a V2 export", () => {
    const card = parseCard(exportCard(imported(v3Card()), { format: "v2", as: "json" }).bytes);
    expect(card.spec).toBe("chara_card_v2");
    for (const key of ["nickname", "creator_notes_multilingual", "source", "group_only_greetings", "creation_date", "modification_date", "assets"]) {
      expect(card.data, key).not.toHaveProperty(key);
    }
  });

  it("writes a valid PNG: IHDR first, IEND last, intact checksums, the card in chara (V2) and also ccv3 (V3)", () => {
    const persona = imported(v3Card());
    const v2 = exportCard(persona, { format: "v2", as: "png" });
    const v3 = exportCard(persona, { format: "v3", as: "png" });
    expect(v3.contentType).toBe("image/png");
    for (const file of [v2, v3]) {
      const types = chunksOf(file.bytes).map((chunk) => chunk.type);
      expect(types[0]).toBe("IHDR");
      expect(types.at(-1)).toBe("IEND");
      expect(types).toContain("IDAT");
    }
    expect(Object.keys(cardChunksOf(v2.bytes))).toEqual(["chara"]);
    const v3Chunks = cardChunksOf(v3.bytes);
    expect(v3Chunks).toMatchObject({ chara: { spec: "chara_card_v2" }, ccv3: { spec: "chara_card_v3", data: { nickname: "Cap" } } });
  });

  it("ignores a carried card that no longer fits the card schema and builds one from the blueprint", () => {
    const persona = { ...defaultPersona(), card: { spec: "chara_card_v2" as const, data: { name: 42 } } };
    expect(parseCard(exportCard(persona, { format: "v2", as: "json" }).bytes).data.name).toBe("Wren");
  });
});
