import { describe, expect, it } from "vitest";
import { CARD_JSON_MAX_BYTES, CARD_PNG_MAX_BYTES, CardError, parseCard } from "../../../../server/companions";
import { base64Json, pngWith, textChunk, v2Card, v3Card } from "./cardFixtures";

function refusal(work: () => unknown): CardError {
  try {
    work();
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error("the card was accepted");
}

describe("parseCard", () => {
  it("reads a V2 card from JSON text, JSON bytes and a parsed value alike", () => {
    const card = v2Card();
    const text = JSON.stringify(card, null, 2);
    for (const input of [text, new TextEncoder().encode(text), card]) {
      const parsed = parseCard(input);
      expect(parsed.spec).toBe("chara_card_v2");
      expect(parsed.data).toEqual(card.data);
    }
  });

  it("reads a V3 card with its V3 fields", () => {
    const parsed = parseCard(JSON.stringify(v3Card()));
    expect(parsed.spec).toBe("chara_card_v3");
    expect(parsed.data).toMatchObject({ nickname: "Cap", group_only_greetings: ["Crew, listen up."], creation_date: 1_700_000_000 });
  });

  it("fills the fields a V2 card may leave out with the spec's defaults", () => {
    const parsed = parseCard({ spec: "chara_card_v2", spec_version: "2.0", data: { name: "Ivo" } });
    expect(parsed.data).toEqual({
      name: "Ivo",
      description: "",
      personality: "",
      scenario: "",
      first_mes: "",
      mes_example: "",
      creator_notes: "",
      system_prompt: "",
      post_history_instructions: "",
      alternate_greetings: [],
      tags: [],
      creator: "",
      character_version: "",
      extensions: {},
    });
  });

  it("reads a V2 card from a PNG's chara chunk", () => {
    const parsed = parseCard(pngWith([textChunk("chara", base64Json(v2Card()))]));
    expect(parsed).toMatchObject({ spec: "chara_card_v2", data: v2Card().data });
  });

  it("prefers the ccv3 chunk when a PNG carries both", () => {
    const v2 = v2Card({ name: "Old reader's copy" });
    for (const chunks of [
      [textChunk("chara", base64Json(v2)), textChunk("ccv3", base64Json(v3Card()))],
      [textChunk("ccv3", base64Json(v3Card())), textChunk("chara", base64Json(v2))],
    ]) {
      const parsed = parseCard(pngWith(chunks));
      expect(parsed.spec).toBe("chara_card_v3");
      expect(parsed.data.name).toBe("Captain Mirela Voss");
    }
  });

  const card = pngWith([textChunk("chara", base64Json(v2Card()))]);
  const badCrc = card.slice();
  badCrc[50] = badCrc[50]! ^ 0xff; // inside the tEXt chunk's data (signature 8 + IHDR 25 + length and type 8)
  const noIend = card.slice(0, card.length - 12);

  it.each([
    ["a PNG upload that is not a PNG", () => parseCard(new TextEncoder().encode("GIF89a..."), { declared: "png" }), /^not a PNG: /],
    ["bytes that are neither PNG nor JSON", () => parseCard(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), /^not a character card: expected a PNG image or a JSON object$/],
    ["a truncated PNG", () => parseCard(card.slice(0, 60)), /^PNG is truncated inside its tEXt chunk$/],
    ["a PNG without IEND", () => parseCard(noIend), /^PNG is truncated: it ends before its IEND chunk$/],
    ["a damaged chunk", () => parseCard(badCrc), /^PNG is damaged: the tEXt chunk's checksum does not match$/],
    ["a PNG with no card chunk", () => parseCard(pngWith([textChunk("Comment", "just a picture")])), /^PNG has no "ccv3" or "chara" text chunk/],
    ["invalid base64", () => parseCard(pngWith([textChunk("chara", "eyJ*not!base64")])), /^the PNG's "chara" chunk is not valid base64$/],
    ["base64 that is not JSON", () => parseCard(pngWith([textChunk("ccv3", Buffer.from("hello").toString("base64"))])), /^the PNG's "ccv3" chunk is not valid UTF-8 JSON$/],
    ["invalid JSON", () => parseCard('{"spec": "chara_card_v2", "data": {'), /^card is not valid UTF-8 JSON$/],
    ["a missing name", () => parseCard({ spec: "chara_card_v2", data: { description: "nameless" } }), /^card JSON is invalid: data\.name: is required$/],
    ["a blank name", () => parseCard(v3Card({ name: "   " })), /^card JSON is invalid: data\.name: is required$/],
    ["no spec", () => parseCard({ name: "V1 style" }), /^card JSON is invalid: spec must be "chara_card_v2" or "chara_card_v3"$/],
    ["no data", () => parseCard({ spec: "chara_card_v2" }), /^card JSON is invalid: data: /],
    ["a wrong field type", () => parseCard(v2Card({ tags: "adventure" })), /^card JSON is invalid: data\.tags: /],
    ["an overlong field", () => parseCard(v2Card({ description: "x".repeat(70_000) })), /^card JSON is invalid: data\.description: at most 65536 characters$/],
    ["a bad V3 date", () => parseCard(v3Card({ creation_date: "yesterday" })), /^card JSON is invalid: data\.creation_date: /],
  ])("refuses %s with a specific message", (_what, work, message) => {
    const error = refusal(work);
    expect(error.reason).toBe("invalid");
    expect(error.message).toMatch(message);
  });

  it("refuses oversized JSON and PNG cards as too large", () => {
    const bigJson = JSON.stringify(v2Card({ mes_example: "x".repeat(60_000), alternate_greetings: Array(4).fill("y".repeat(60_000)) }));
    expect(bigJson.length).toBeGreaterThan(CARD_JSON_MAX_BYTES);
    expect(refusal(() => parseCard(bigJson))).toMatchObject({ reason: "too_large", message: `card JSON is larger than ${CARD_JSON_MAX_BYTES} bytes` });
    expect(refusal(() => parseCard(pngWith([textChunk("chara", base64Json(JSON.parse(bigJson)))])))).toMatchObject({
      reason: "too_large",
      message: `the PNG's "chara" chunk JSON is larger than ${CARD_JSON_MAX_BYTES} bytes`,
    });
    const bigPng = pngWith([textChunk("chara", base64Json(v2Card())), textChunk("Comment", "z".repeat(CARD_PNG_MAX_BYTES))]);
    expect(refusal(() => parseCard(bigPng))).toMatchObject({ reason: "too_large", message: `card PNG is larger than ${CARD_PNG_MAX_BYTES} bytes` });
  });
});
