import { describe, expect, it } from "vitest";
import type { PersonaBlueprint } from "../../../shared/persona";
import { companionRoomHarness } from "../rooms/companionRoomHarness";
import { untilState } from "../rooms/roomTestClient";
import { guestToken } from "../support/testServer";
import { validVrm0, validVrm1 } from "../../support/vrmFixtures";

const harness = companionRoomHarness();

interface CompanionView {
  id: string;
  version: number;
  persona: PersonaBlueprint;
}

async function api(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${harness.server.url}${path}`, init);
  return { status: res.status, json: res.status === 204 ? null : await res.json() };
}

/** Uploads over real HTTP, as the client does. */
async function upload(token: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const res = await fetch(`${harness.server.url}/api/avatars?name=model.vrm`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "model/gltf-binary" },
    body: bytes,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const mine = async (token: string) => (await api("GET", "/api/companions/mine", token)).json as CompanionView;
const wearing = (persona: PersonaBlueprint, customAvatar: string | undefined): PersonaBlueprint => ({
  ...persona,
  appearance: { ...persona.appearance, customAvatar },
});

describe("a persona wearing an uploaded VRM", () => {
  it("is saved when the owner uploaded it, and the room shows it; back to a tinted preset, the room shows that", async () => {
    const token = await guestToken(harness.server.url, "Ann");
    const ann = await harness.client.join("Ann", { token });
    const bob = await harness.client.join("Bob");
    const companion = await mine(token);
    const inBobsView = () => bob.state.companions.get(ann.sessionId);
    expect(inBobsView()?.toJSON()).toMatchObject({ avatar: "wren", tints: "{}" });

    const avatarId = await upload(token, validVrm1());
    const saved = await api("PUT", `/api/companions/${companion.id}`, token, wearing(companion.persona, avatarId));
    expect(saved.status).toBe(200);
    expect((saved.json as CompanionView).persona.appearance.customAvatar).toBe(avatarId);
    await untilState(bob, () => inBobsView()?.avatar === `upload:${avatarId}`, "the uploaded avatar in Bob's view");
    expect(inBobsView()?.tints).toBe("{}");

    const tints = { hair: "#aa3311", eyes: "#2255cc" };
    const preset = { ...(saved.json as CompanionView).persona, appearance: { avatarPreset: "sol", tints } };
    expect((await api("PUT", `/api/companions/${companion.id}`, token, preset)).status).toBe(200);
    await untilState(bob, () => inBobsView()?.avatar === "sol", "the sol preset in Bob's view");
    expect(JSON.parse(inBobsView()!.tints)).toEqual(tints);
  });

  it("is worn from the first join when the stored persona names it", async () => {
    const token = await guestToken(harness.server.url, "Cy");
    const companion = await mine(token);
    const avatarId = await upload(token, validVrm0());
    expect((await api("PUT", `/api/companions/${companion.id}`, token, wearing(companion.persona, avatarId))).status).toBe(200);
    const room = await harness.client.join("Cy", { token });
    expect(room.state.companions.get(room.sessionId)?.avatar).toBe(`upload:${avatarId}`);
  });

  it("is refused, changing nothing, for an upload that is someone else's or does not exist", async () => {
    const token = await guestToken(harness.server.url, "Ann");
    const companion = await mine(token);
    const othersAvatar = await upload(await guestToken(harness.server.url, "Mallory"), validVrm1());
    const unknown = "00000000-0000-4000-8000-000000000000";
    const cases: [string, string][] = [
      [othersAvatar, `appearance.customAvatar: the uploaded avatar "${othersAvatar}" belongs to someone else`],
      [unknown, `appearance.customAvatar: no uploaded avatar "${unknown}"`],
      ["not-an-upload", 'appearance.customAvatar: no uploaded avatar "not-an-upload"'],
    ];
    for (const [avatarId, error] of cases) {
      const res = await api("PUT", `/api/companions/${companion.id}`, token, wearing(companion.persona, avatarId));
      expect(res).toEqual({ status: 400, json: { error } });
    }
    expect(await mine(token)).toEqual(companion);
  });

  it("keeps its upload from being deleted while worn", async () => {
    const token = await guestToken(harness.server.url, "Dee");
    const companion = await mine(token);
    const avatarId = await upload(token, validVrm1());
    const worn = await api("PUT", `/api/companions/${companion.id}`, token, wearing(companion.persona, avatarId));
    expect(await api("DELETE", `/api/avatars/${avatarId}`, token)).toEqual({
      status: 409,
      json: { error: `"Fixture One" is Wren's appearance: pick another avatar for them first` },
    });
    expect((await fetch(`${harness.server.url}/api/avatars/${avatarId}/file`)).status).toBe(200);

    const persona = (worn.json as CompanionView).persona;
    expect((await api("PUT", `/api/companions/${companion.id}`, token, wearing(persona, undefined))).status).toBe(200);
    expect((await api("DELETE", `/api/avatars/${avatarId}`, token)).status).toBe(204);
  });
});
