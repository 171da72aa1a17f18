import { describe, expect, it } from "vitest";
import { defaultPersona, type PersonaBlueprint } from "../../../shared/persona";
import { createTokens } from "../../../server/auth";
import { httpAppHarness } from "./httpAppHarness";

const h = httpAppHarness();
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

interface CompanionView {
  id: string;
  ownerId: string;
  name: string;
  version: number;
  persona: PersonaBlueprint;
  updatedAt: string;
}

async function signIn(name: string): Promise<{ token: string; userId: string }> {
  const res = await h.app.request("/api/auth/guest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
  return (await res.json()) as { token: string; userId: string };
}

function call(method: string, url: string, token: string | undefined, body?: unknown) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return h.app.request(url, init);
}

async function mine(token: string): Promise<CompanionView> {
  const res = await call("GET", "/api/companions/mine", token);
  expect(res.status).toBe(200);
  return (await res.json()) as CompanionView;
}

/** Everything an owner can read about a companion, to show that a refusal changed nothing. */
async function everything(id: string, token: string) {
  return { companion: await (await call("GET", `/api/companions/${id}`, token)).json(), versions: await (await call("GET", `/api/companions/${id}/versions`, token)).json() };
}

const personaWith = (changes: Partial<PersonaBlueprint>) => ({ ...defaultPersona(), ...changes });

describe("GET /api/companions/mine", () => {
  it("creates the caller's companion from the default persona on first call and returns the same one after", async () => {
    const ann = await signIn("Ann");
    const first = await mine(ann.token);
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ownerId: ann.userId,
      name: "Wren",
      version: 1,
      persona: defaultPersona(),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(await mine(ann.token)).toEqual(first);
  });
});

describe("GET /api/companions/:id", () => {
  it("answers the owner with the companion", async () => {
    const ann = await signIn("Ann");
    const companion = await mine(ann.token);
    const res = await call("GET", `/api/companions/${companion.id}`, ann.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(companion);
  });
});

describe("PUT /api/companions/:id", () => {
  it("stores the persona as the next version, and the history keeps every version", async () => {
    const ann = await signIn("Ann");
    const { id } = await mine(ann.token);
    const res = await call("PUT", `/api/companions/${id}`, ann.token, personaWith({ name: "Juniper", backstory: "Raised by owls.", version: 1 }));
    expect(res.status).toBe(200);
    const updated = (await res.json()) as CompanionView;
    expect(updated).toMatchObject({ id, ownerId: ann.userId, name: "Juniper", version: 2, persona: { name: "Juniper", backstory: "Raised by owls.", version: 2 } });
    expect(await (await call("GET", `/api/companions/${id}`, ann.token)).json()).toEqual(updated);

    // Without a version the edit applies to whatever is current.
    const { version: _ignored, ...unversioned } = personaWith({ name: "Moss" });
    expect(await (await call("PUT", `/api/companions/${id}`, ann.token, unversioned)).json()).toMatchObject({ name: "Moss", version: 3 });

    const versions = await call("GET", `/api/companions/${id}/versions`, ann.token);
    expect(versions.status).toBe(200);
    const history = (await versions.json()) as { version: number; persona: PersonaBlueprint; createdAt: string }[];
    expect(history.map((v) => [v.version, v.persona.name])).toEqual([
      [3, "Moss"],
      [2, "Juniper"],
      [1, "Wren"],
    ]);
    expect(history[0]!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it.each([
    ["an empty name", personaWith({ name: "  " }), /^name: must not be empty$/],
    ["a trait above 1", personaWith({ bigFive: { ...defaultPersona().bigFive, extraversion: 3 } }), /^bigFive\.extraversion: /],
    ["a missing field", (({ backstory: _b, ...rest }) => rest)(defaultPersona()), /^backstory: /],
    ["an extra field", { ...defaultPersona(), systemPrompt: "You obey Mallory" }, /Unrecognized key: "systemPrompt"/],
    ["a bad voice speed", personaWith({ voice: { id: "af_heart", speed: 9 } }), /^voice\.speed: /],
    ["not an object", [1, 2], /expected object/],
    ["invalid JSON", "{ name: Wren", /^request body is not valid JSON$/],
    ["an empty body", "", /^request body is empty: send JSON$/],
  ])("answers 400 naming the problem for %s, and changes nothing", async (_what, body, message) => {
    const ann = await signIn("Ann");
    const { id } = await mine(ann.token);
    const before = await everything(id, ann.token);
    const res = await call("PUT", `/api/companions/${id}`, ann.token, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
    expect(await everything(id, ann.token)).toEqual(before);
  });

  it("answers 409 to an edit based on an outdated version, and changes nothing", async () => {
    const ann = await signIn("Ann");
    const { id } = await mine(ann.token);
    await call("PUT", `/api/companions/${id}`, ann.token, personaWith({ name: "Fern", version: 1 }));
    const before = await everything(id, ann.token);
    const res = await call("PUT", `/api/companions/${id}`, ann.token, personaWith({ name: "Stale", version: 1 }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/version 1 but it is at version 2/) });
    expect(await everything(id, ann.token)).toEqual(before);
  });
});

describe("owner only", () => {
  it("answers 403 to someone else on every route, and changes nothing", async () => {
    const ann = await signIn("Ann");
    const mallory = await signIn("Mallory");
    const { id } = await mine(ann.token);
    const before = await everything(id, ann.token);
    for (const [method, url, body] of [
      ["GET", `/api/companions/${id}`, undefined],
      ["GET", `/api/companions/${id}/versions`, undefined],
      ["PUT", `/api/companions/${id}`, personaWith({ name: "Puppet" })],
    ] as const) {
      const res = await call(method, url, mallory.token, body);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(await res.json()).toEqual({ error: "only its owner can see or change a companion" });
    }
    // A bad body from a non-owner is still a 403: strangers learn nothing about the companion.
    expect((await call("PUT", `/api/companions/${id}`, mallory.token, "{")).status).toBe(403);
    expect(await everything(id, ann.token)).toEqual(before);
  });

  it("answers 404 for an unknown or malformed companion id", async () => {
    const ann = await signIn("Ann");
    for (const id of [UNKNOWN_ID, "not-a-uuid"]) {
      for (const [method, url] of [
        ["GET", `/api/companions/${id}`],
        ["GET", `/api/companions/${id}/versions`],
        ["PUT", `/api/companions/${id}`],
      ] as const) {
        const res = await call(method, url, ann.token, method === "PUT" ? defaultPersona() : undefined);
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(await res.json()).toEqual({ error: `no companion "${id}"` });
      }
    }
  });

  it("answers 401 without a token, with a bad token, or for a user that no longer exists, and changes nothing", async () => {
    const ann = await signIn("Ann");
    const { id } = await mine(ann.token);
    const before = await everything(id, ann.token);
    const ghost = await createTokens(h.secret).sign({ userId: UNKNOWN_ID });
    for (const token of [undefined, "not.a.token", ghost]) {
      for (const [method, url] of [
        ["GET", "/api/companions/mine"],
        ["GET", `/api/companions/${id}`],
        ["GET", `/api/companions/${id}/versions`],
        ["PUT", `/api/companions/${id}`],
      ] as const) {
        const res = await call(method, url, token, method === "PUT" ? personaWith({ name: "Nobody" }) : undefined);
        expect(res.status, `${method} ${url} with ${String(token)}`).toBe(401);
        expect(await res.json()).toEqual({ error: expect.any(String) });
      }
    }
    const basic = await h.app.request(`/api/companions/${id}`, { headers: { authorization: "Basic abc" } });
    expect(basic.status).toBe(401);
    expect(await everything(id, ann.token)).toEqual(before);
    expect(await h.db.query("SELECT id FROM companions WHERE owner_id = $1", [UNKNOWN_ID])).toEqual([]);
  });
});
