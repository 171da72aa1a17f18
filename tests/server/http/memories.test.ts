import { beforeAll, describe, expect, it } from "vitest";
import { defaultPersona } from "../../../shared/persona";
import { createHttpApp } from "../../../server/http";
import { createOwnerLedger } from "../../../server/memory";
import { seedRemembered } from "../memory/ownerControl/ledgerFixtures";
import { guestToken, startTestServer } from "../support/testServer";
import { httpAppHarness, type HttpAppHarness } from "./httpAppHarness";

// Two servers, each with its own database and data folder: export from one, import into the other.
const here = httpAppHarness();
const elsewhere = httpAppHarness();
const apps = new Map<HttpAppHarness, ReturnType<typeof createHttpApp>>();
// The relationship is shown decayed to "now": a fixed now lets two reads be compared.
const now = new Date("2026-11-22T12:00:00Z");
beforeAll(() => {
  for (const h of [here, elsewhere]) apps.set(h, createHttpApp({ ...h.deps, ownerLedger: createOwnerLedger({ db: h.db, clock: () => now }) }));
});

interface Owner {
  token: string;
  userId: string;
  companionId: string;
}

function call(method: string, url: string, token: string | undefined, body?: unknown, server = here) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  return apps.get(server)!.request(url, init);
}

async function json<T = Record<string, unknown>>(response: Response | Promise<Response>, status = 200): Promise<T> {
  const res = await response;
  const body = (await res.json()) as T;
  expect({ status: res.status, body }).toMatchObject({ status });
  return body;
}

async function owner(name: string, server = here, remembers = true): Promise<Owner> {
  const auth = await json<{ token: string; userId: string }>(call("POST", "/api/auth/guest", undefined, { name }, server));
  const companion = await json<{ id: string }>(call("GET", "/api/companions/mine", auth.token, undefined, server));
  if (remembers) await seedRemembered(server.db, { ownerId: auth.userId, companionId: companion.id }, name);
  return { ...auth, companionId: companion.id };
}

const at = (o: Owner, path = "") => `/api/companions/${o.companionId}${path}`;

interface Memory {
  id: string;
  text: string;
  kind: string;
}

/** Everything the ledger shows, ids left out (an import gives new ones). */
async function ledgerOf(o: Owner, server = here) {
  const { memories } = await json<{ memories: (Memory & Record<string, unknown>)[] }>(call("GET", at(o, "/memories?limit=200"), o.token, undefined, server));
  const { facts } = await json<{ facts: { id: string; history: { id: string }[] }[] }>(call("GET", at(o, "/facts"), o.token, undefined, server));
  const { relationship } = await json(call("GET", at(o, "/relationship"), o.token, undefined, server));
  return {
    memories: memories.map(({ id: _id, ...m }) => m),
    facts: facts.map(({ id: _id, history, ...f }) => ({ ...f, history: history.map(({ id: _hid, ...h }) => h) })),
    relationship,
  };
}

describe("the owner's ledger", () => {
  it("lists newest first a page at a time, searches, and filters by kind", async () => {
    const ann = await owner("Ann");
    const first = await json<{ memories: Memory[]; next: string }>(call("GET", at(ann, "/memories?limit=4"), ann.token));
    expect(first.memories).toHaveLength(4);
    const rest = await json<{ memories: Memory[]; next: null }>(call("GET", at(ann, `/memories?limit=4&before=${first.next}`), ann.token));
    expect(rest).toMatchObject({ next: null });
    expect([...first.memories, ...rest.memories].map((m) => m.kind)).toEqual(["reflection", "episode", "episode", "episode", "episode", "episode", "milestone"]);
    const found = await json<{ memories: Memory[] }>(call("GET", at(ann, "/memories?q=olive"), ann.token));
    expect(found.memories.map((m) => m.text)).toEqual(["I really hate olives, they ruin every pizza."]);
    const milestones = await json<{ memories: Memory[] }>(call("GET", at(ann, "/memories?kind=milestone"), ann.token));
    expect(milestones.memories.map((m) => m.text)).toEqual(["The day I first met Ann."]);
  });

  it("edits and deletes memories and facts, and shows the relationship", async () => {
    const bea = await owner("Bea");
    const { memories } = await json<{ memories: Memory[] }>(call("GET", at(bea, "/memories?q=sister"), bea.token));
    const edited = await json(call("PATCH", at(bea, `/memories/${memories[0]!.id}`), bea.token, { text: "My sister Maya sculpts.", visibility: "shared" }));
    expect(edited).toMatchObject({ text: "My sister Maya sculpts.", visibility: "shared" });
    expect((await json<{ memories: Memory[] }>(call("GET", at(bea, "/memories?q=sculpting"), bea.token))).memories).toHaveLength(1);
    await json(call("DELETE", at(bea, `/memories/${memories[0]!.id}`), bea.token));
    expect((await json<{ memories: Memory[] }>(call("GET", at(bea, "/memories?q=sister"), bea.token))).memories).toEqual([]);
    await json(call("DELETE", at(bea, `/memories/${memories[0]!.id}`), bea.token), 404);

    const { facts } = await json<{ facts: { id: string; subject: string; value: string; history: { value: string }[] }[] }>(call("GET", at(bea, "/facts"), bea.token));
    const home = facts.find((f) => f.subject === "home")!;
    expect(home).toMatchObject({ value: "Paris", history: [{ value: "London" }] });
    expect(await json(call("PATCH", at(bea, `/facts/${home.id}`), bea.token, { value: "Lyon" }))).toMatchObject({ value: "Lyon" });
    expect(await json(call("DELETE", at(bea, `/facts/${home.id}`), bea.token))).toEqual({ deleted: 2 });

    const { relationship } = await json<{ relationship: Record<string, unknown> }>(call("GET", at(bea, "/relationship"), bea.token));
    expect(relationship).toMatchObject({ conversations: 1, personalShares: 3, milestones: [{ id: "first_meeting", text: "The day I first met Bea." }] });
  });

  it("forgets everything only when asked to confirm", async () => {
    const cai = await owner("Cai");
    const before = await ledgerOf(cai);
    expect(await json(call("DELETE", at(cai, "/memories"), cai.token), 400)).toEqual({ error: expect.stringContaining("?confirm=everything") });
    expect(await ledgerOf(cai)).toEqual(before);
    expect(await json(call("DELETE", at(cai, "/memories?confirm=everything"), cai.token))).toEqual({ forgotten: { memories: 7, facts: 4, relationship: true } });
    expect(await ledgerOf(cai)).toEqual({ memories: [], facts: [], relationship: null });
  });
});

describe("refusals change nothing", () => {
  it.each([
    ["GET", "/memories?limit=0", undefined, /limit must be 1\.\.200/],
    ["GET", "/memories?kind=dream", undefined, /kind must be episode, reflection or milestone/],
    ["GET", "/memories?before=yesterday", undefined, /not a cursor/],
    ["GET", "/memories?sort=oldest", undefined, /Unrecognized key: "sort"/],
    ["PATCH", "/memories/MEMORY", {}, /nothing to change/],
    ["PATCH", "/memories/MEMORY", { text: "  " }, /text must not be empty/],
    ["PATCH", "/memories/MEMORY", { importance: 3 }, /importance must be within 0\.\.1/],
    ["PATCH", "/memories/MEMORY", { speaker: "Mallory" }, /Unrecognized key: "speaker"/],
    ["PATCH", "/memories/MEMORY", "{ text: oops", /not valid JSON/],
    ["PATCH", "/facts/FACT", { planDate: "soon" }, /planDate must be YYYY-MM-DD/],
    ["PATCH", "/facts/FACT", { kind: "like" }, /Unrecognized key: "kind"/],
    ["POST", "/import?mode=overwrite", {}, /mode must be merge or replace/],
  ])("%s %s answers 400", async (method, path, body, problem) => {
    const dee = await owner("Dee");
    const before = await ledgerOf(dee);
    const { memories } = await json<{ memories: Memory[] }>(call("GET", at(dee, "/memories?kind=episode&limit=1"), dee.token));
    const { facts } = await json<{ facts: { id: string }[] }>(call("GET", at(dee, "/facts"), dee.token));
    const url = at(dee, path.replace("MEMORY", memories[0]!.id).replace("FACT", facts[0]!.id));
    expect(await json(call(method, url, dee.token, body), 400)).toEqual({ error: expect.stringMatching(problem) });
    expect(await ledgerOf(dee)).toEqual(before);
  });

  it("answers 404 for memories and facts that are not there", async () => {
    const eve = await owner("Eve");
    const fay = await owner("Fay");
    const { memories } = await json<{ memories: Memory[] }>(call("GET", at(fay, "/memories?limit=1"), fay.token));
    // Fay's memory through Eve's own companion: not Eve's to touch.
    await json(call("PATCH", at(eve, `/memories/${memories[0]!.id}`), eve.token, { text: "mine now" }), 404);
    await json(call("DELETE", at(eve, "/memories/not-a-memory"), eve.token), 404);
    await json(call("DELETE", at(eve, "/facts/00000000-0000-4000-8000-000000000000"), eve.token), 404);
    await json(call("GET", "/api/companions/00000000-0000-4000-8000-000000000000/memories", eve.token), 404);
  });

  it("refuses a stranger every route with 403, and a caller without a token with 401", async () => {
    const gil = await owner("Gil");
    const stranger = await owner("Hal", here, false);
    const before = await ledgerOf(gil);
    const { memories } = await json<{ memories: Memory[] }>(call("GET", at(gil, "/memories?limit=1"), gil.token));
    const exported = await json(call("GET", at(gil, "/export"), gil.token));
    const routes: [string, string, unknown?][] = [
      ["GET", "/memories"],
      ["PATCH", `/memories/${memories[0]!.id}`, { text: "hacked" }],
      ["DELETE", `/memories/${memories[0]!.id}`],
      ["DELETE", "/memories?confirm=everything"],
      ["GET", "/facts"],
      ["GET", "/relationship"],
      ["GET", "/export"],
      ["POST", "/import?mode=replace", { ...exported, memories: [] }],
    ];
    for (const [method, path, body] of routes) {
      await json(call(method, at(gil, path), stranger.token, body), 403);
      await json(call(method, at(gil, path), undefined, body), 401);
    }
    expect(await ledgerOf(gil)).toEqual(before);
  });
});

describe("export and import", () => {
  it("exports one JSON attachment that another server imports for a different account, once", async () => {
    const ida = await owner("Ida");
    const persona = { ...defaultPersona(), name: "Juniper", backstory: "Grew up in a lighthouse." };
    await json(call("PUT", at(ida), ida.token, persona));
    const res = await call("GET", at(ida, "/export"), ida.token);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="kindred-juniper-\d{4}-\d\d-\d\d\.json"$/);
    const document = (await res.json()) as { companion: { personaVersions: unknown[] }; memories: unknown[] };
    expect(document).toMatchObject({ format: "kindred.companion-export", formatVersion: 1, ownerId: ida.userId, companion: { name: "Juniper" } });
    expect(document.companion.personaVersions).toHaveLength(2);

    const jon = await owner("Jon", elsewhere, false);
    const report = await json(call("POST", at(jon, "/import"), jon.token, document, elsewhere));
    expect(report).toEqual({
      mode: "merge",
      memories: { added: 7, skipped: 0 },
      facts: { added: 4, skipped: 0 },
      relationship: "imported",
      persona: { name: "Juniper", version: 2 },
    });
    expect(await ledgerOf(jon, elsewhere)).toEqual(await ledgerOf(ida));
    const companion = await json<{ persona: { backstory: string } }>(call("GET", at(jon), jon.token, undefined, elsewhere));
    expect(companion.persona.backstory).toBe("Grew up in a lighthouse.");

    const again = await json(call("POST", at(jon, "/import?persona=keep"), jon.token, document, elsewhere));
    expect(again).toMatchObject({ memories: { added: 0, skipped: 7 }, facts: { added: 0, skipped: 4 }, persona: null });
    expect(await ledgerOf(jon, elsewhere)).toEqual(await ledgerOf(ida));
  });

  it.each([
    ["not JSON", "{ memories: [", /request body is not valid JSON/],
    ["a foreign document", { format: "tavern-card", memories: [] }, /not a Kindred companion export/],
    ["a broken memory", "BROKEN_MEMORY", /memories\.0\.importance: must be within 0\.\.1/],
  ])("refuses %s with 400 naming the problem, changing nothing", async (_, body, problem) => {
    const kay = await owner("Kay");
    const exported = await json<{ memories: Record<string, unknown>[] }>(call("GET", at(kay, "/export"), kay.token));
    const lee = await owner("Lee", elsewhere);
    const before = { ledger: await ledgerOf(lee, elsewhere), companion: await json(call("GET", at(lee), lee.token, undefined, elsewhere)) };
    const document = body === "BROKEN_MEMORY" ? { ...exported, memories: [{ ...exported.memories[0], importance: 2 }] } : body;
    const res = await json(call("POST", at(lee, "/import?mode=replace"), lee.token, document, elsewhere), 400);
    expect(res).toEqual({ error: expect.stringMatching(problem) });
    expect({ ledger: await ledgerOf(lee, elsewhere), companion: await json(call("GET", at(lee), lee.token, undefined, elsewhere)) }).toEqual(before);
  });
});

describe("the real server", () => {
  it("serves the ledger routes", async () => {
    const server = await startTestServer();
    try {
      const token = await guestToken(server.url, "Mo");
      const headers = { authorization: `Bearer ${token}` };
      const { id } = (await (await fetch(`${server.url}/api/companions/mine`, { headers })).json()) as { id: string };
      const res = await fetch(`${server.url}/api/companions/${id}/memories`, { headers });
      expect({ status: res.status, body: await res.json() }).toEqual({ status: 200, body: { memories: [], next: null } });
    } finally {
      await server.stop();
    }
  });
});
