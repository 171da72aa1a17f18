import { describe, expect, it } from "vitest";
import { defaultPersona, type PersonaBlueprint } from "../../../shared/persona";
import { CARD_PNG_MAX_BYTES, parseCard } from "../../../server/companions";
import { base64Json, cardChunksOf, pngWith, textChunk, v2Card, v3Card } from "../companions/cards/cardFixtures";
import { httpAppHarness } from "./httpAppHarness";

const h = httpAppHarness();

interface CompanionView {
  id: string;
  version: number;
  persona: PersonaBlueprint;
}

async function owner(name: string): Promise<{ token: string; id: string }> {
  const res = await h.app.request("/api/auth/guest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
  const { token } = (await res.json()) as { token: string };
  const mine = (await (await h.app.request("/api/companions/mine", { headers: { authorization: `Bearer ${token}` } })).json()) as CompanionView;
  return { token, id: mine.id };
}

function upload(id: string, token: string | undefined, body: Uint8Array<ArrayBuffer> | string, contentType: string) {
  const headers: Record<string, string> = { "content-type": contentType };
  if (token) headers.authorization = `Bearer ${token}`;
  return h.app.request(`/api/companions/${id}/card`, { method: "POST", headers, body });
}

function download(id: string, token: string, query = "") {
  return h.app.request(`/api/companions/${id}/card${query}`, { headers: { authorization: `Bearer ${token}` } });
}

async function everything(id: string, token: string) {
  const get = async (url: string) => (await h.app.request(url, { headers: { authorization: `Bearer ${token}` } })).json();
  return { companion: await get(`/api/companions/${id}`), versions: await get(`/api/companions/${id}/versions`) };
}

const json = (value: unknown) => JSON.stringify(value);
const v3Png = () => pngWith([textChunk("chara", base64Json(v2Card({ name: "Old copy" }))), textChunk("ccv3", base64Json(v3Card()))]);

describe("POST /api/companions/:id/card", () => {
  it("imports a V3 PNG card as the next persona version, and a V2 JSON card after it", async () => {
    const ann = await owner("Ann");
    const res = await upload(ann.id, ann.token, v3Png(), "image/png");
    expect(res.status).toBe(200);
    const updated = (await res.json()) as CompanionView;
    expect(updated).toMatchObject({ id: ann.id, version: 2, persona: { name: "Captain Mirela Voss", version: 2, card: { spec: "chara_card_v3" } } });

    const second = await upload(ann.id, ann.token, json(v2Card({ name: "Ivo" })), "application/json; charset=utf-8");
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ version: 3, persona: { name: "Ivo", card: { spec: "chara_card_v2" } } });
    const versions = (await everything(ann.id, ann.token)).versions as { version: number; persona: PersonaBlueprint }[];
    expect(versions.map((v) => [v.version, v.persona.name])).toEqual([
      [3, "Ivo"],
      [2, "Captain Mirela Voss"],
      [1, "Wren"],
    ]);
  });

  const card = pngWith([textChunk("chara", base64Json(v2Card()))]);
  it.each([
    ["a PNG upload that is not a PNG", "image/png", "GIF89a", 400, /^not a PNG/],
    ["a truncated PNG", "image/png", card.slice(0, card.length - 20), 400, /^PNG is truncated/],
    ["a PNG without a card", "image/png", pngWith([textChunk("Comment", "hi")]), 400, /no "ccv3" or "chara" text chunk/],
    ["invalid base64", "image/png", pngWith([textChunk("chara", "%%%")]), 400, /not valid base64/],
    ["invalid JSON", "application/json", "{ spec: chara", 400, /^card is not valid UTF-8 JSON$/],
    ["a card without a name", "application/json", json({ spec: "chara_card_v3", spec_version: "3.0", data: {} }), 400, /^card JSON is invalid: data\.name: is required$/],
    ["an empty body", "application/json", "", 400, /^request body is empty/],
    ["another media type", "text/plain", json(v2Card()), 415, /image\/png .* application\/json/],
    ["an oversized JSON card", "application/json", json(v2Card({ description: "x".repeat(60_000), mes_example: "y".repeat(60_000), first_mes: "z".repeat(60_000), scenario: "w".repeat(60_000), creator_notes: "v".repeat(30_000) })), 413, /larger than 262144 bytes/],
    ["an oversized upload", "image/png", pngWith([textChunk("Comment", "z".repeat(CARD_PNG_MAX_BYTES))]), 413, new RegExp(`larger than ${CARD_PNG_MAX_BYTES} bytes`)],
  ])("answers %s with a specific error, and changes nothing", async (_what, contentType, body, status, message) => {
    const ann = await owner("Ann");
    const before = await everything(ann.id, ann.token);
    const res = await upload(ann.id, ann.token, body, contentType);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
    expect(await everything(ann.id, ann.token)).toEqual(before);
  });
});

describe("GET /api/companions/:id/card", () => {
  it("exports the imported card with every field, as V3 PNG by default and as JSON on request", async () => {
    const ann = await owner("Ann");
    await upload(ann.id, ann.token, v3Png(), "image/png");
    const original = parseCard(v3Card());

    const png = await download(ann.id, ann.token);
    expect(png.status).toBe(200);
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(png.headers.get("content-disposition")).toBe('attachment; filename="Captain_Mirela_Voss.v3.card.png"');
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect(parseCard(bytes)).toEqual(original);
    expect(Object.keys(cardChunksOf(bytes)).sort()).toEqual(["ccv3", "chara"]);

    const v2 = await download(ann.id, ann.token, "?format=v2&as=json");
    expect(v2.headers.get("content-type")).toMatch(/^application\/json/);
    expect(v2.headers.get("content-disposition")).toBe('attachment; filename="Captain_Mirela_Voss.v2.card.json"');
    expect(await v2.json()).toMatchObject({ spec: "chara_card_v2", data: { name: "Captain Mirela Voss", an_unknown_data_field: { from: "another tool" } } });
  });

  it("exports a card for a companion that never imported one", async () => {
    const ann = await owner("Ann");
    const res = await download(ann.id, ann.token, "?format=v3&as=json");
    expect(res.status).toBe(200);
    expect(parseCard(await res.text()).data).toMatchObject({ name: "Wren", description: defaultPersona().backstory });
  });

  it("answers 400 to an unknown format", async () => {
    const ann = await owner("Ann");
    for (const [query, message] of [
      ["?format=v9", 'format: format must be "v2" or "v3"'],
      ["?as=gif", 'as: as must be "json" or "png"'],
    ]) {
      const res = await download(ann.id, ann.token, query);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({ error: message });
    }
  });
});

describe("a persona carrying a card", () => {
  it("can still be edited through PUT although it is larger than the general API body limit", async () => {
    const ann = await owner("Ann");
    const imported = (await (await upload(ann.id, ann.token, json(v2Card({ mes_example: "m".repeat(40_000) })), "application/json")).json()) as CompanionView;
    const body = JSON.stringify({ ...imported.persona, name: "Mira" });
    expect(body.length).toBeGreaterThan(16 * 1024);
    const res = await h.app.request(`/api/companions/${ann.id}`, { method: "PUT", headers: { authorization: `Bearer ${ann.token}`, "content-type": "application/json" }, body });
    expect(res.status).toBe(200);
    const exported = (await (await download(ann.id, ann.token, "?format=v2&as=json")).json()) as { data: Record<string, unknown> };
    expect(exported.data).toMatchObject({ name: "Mira", mes_example: "m".repeat(40_000) });
  });
});

describe("owner only", () => {
  it("answers 403 to someone else importing or exporting, and changes nothing", async () => {
    const ann = await owner("Ann");
    const mallory = await owner("Mallory");
    const before = await everything(ann.id, ann.token);
    for (const res of [await upload(ann.id, mallory.token, v3Png(), "image/png"), await upload(ann.id, mallory.token, "{", "application/json"), await download(ann.id, mallory.token)]) {
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: "only its owner can see or change a companion" });
    }
    expect(await everything(ann.id, ann.token)).toEqual(before);
  });

  it("answers 401 without a token and 404 for an unknown companion", async () => {
    const ann = await owner("Ann");
    expect((await upload(ann.id, undefined, v3Png(), "image/png")).status).toBe(401);
    expect((await h.app.request(`/api/companions/${ann.id}/card`)).status).toBe(401);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await upload(unknown, ann.token, v3Png(), "image/png")).status).toBe(404);
    expect((await download(unknown, ann.token)).status).toBe(404);
  });
});
