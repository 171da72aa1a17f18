import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { forgetEverything, forgetFact, forgetMemory, importLedger, searchMemories, toggleLedger, useLedger, reloadLedger } from "../../client/ledger/ledgerStore";
import { useIdentity } from "../../client/net";
import { createHttpApp } from "../../server/http";
import { createOwnerLedger } from "../../server/memory";
import { httpAppHarness } from "../server/http/httpAppHarness";
import { seedRemembered, SEEDED_LINES } from "../server/memory/ownerControl/ledgerFixtures";

// The store talks to the real HTTP app in-process: fetch is routed to it instead of the network.
const h = httpAppHarness();
let companionId: string;
beforeAll(async () => {
  const app = createHttpApp({ ...h.deps, ownerLedger: createOwnerLedger({ db: h.db }) });
  vi.stubGlobal("fetch", (url: string, init?: RequestInit) => app.request(url, init));
  const auth = (await (await app.request("/api/auth/guest", { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"Ann"}' })).json()) as {
    token: string;
    userId: string;
  };
  companionId = ((await (await app.request("/api/companions/mine", { headers: { authorization: `Bearer ${auth.token}` } })).json()) as { id: string }).id;
  await seedRemembered(h.db, { ownerId: auth.userId, companionId }, "Ann");
  useIdentity.setState({ identity: { token: auth.token, userId: auth.userId, name: "Ann" } });
});
afterAll(() => vi.unstubAllGlobals());

const state = () => useLedger.getState();

describe("the ledger store", () => {
  it("opens with the companion's name, its memories, facts and relationship", async () => {
    toggleLedger();
    await vi.waitFor(() => expect(state().relationship).not.toBeNull());
    expect(state()).toMatchObject({ open: true, loading: false, notice: null, companion: { id: companionId, name: "Wren" }, next: null });
    expect(state().memories).toHaveLength(7);
    expect(state().facts.find((f) => f.subject === "home")).toMatchObject({ value: "Paris", history: [{ value: "London" }] });
  });

  it("searches once typing pauses", async () => {
    searchMemories("olive");
    expect(state().query).toBe("olive");
    await vi.waitFor(() => expect(state().memories.map((m) => m.text)).toEqual([SEEDED_LINES[4].text]));
    searchMemories("");
    await vi.waitFor(() => expect(state().memories).toHaveLength(7));
  });

  it("forgets a memory and a fact on the server, and shows it", async () => {
    const memory = state().memories.find((m) => m.text === SEEDED_LINES[0].text)!;
    await forgetMemory(memory.id);
    await forgetFact(state().facts.find((f) => f.subject === "sister")!.id);
    expect(state().memories.map((m) => m.id)).not.toContain(memory.id);
    await reloadLedger();
    expect(state().memories).toHaveLength(6);
    expect(state().facts.map((f) => f.subject)).not.toContain("sister");
  });

  it("shows the server's reason when an import is refused, and keeps the ledger", async () => {
    const before = state().memories;
    await importLedger(new File(['{"format":"tavern-card"}'], "card.json", { type: "application/json" }));
    expect(state().notice).toEqual({ kind: "problem", text: expect.stringContaining("not a Kindred companion export") });
    await reloadLedger();
    expect(state().memories).toEqual(before);
  });

  it("forgets everything", async () => {
    await forgetEverything();
    expect(state()).toMatchObject({ memories: [], facts: [], relationship: null, notice: { kind: "done" } });
    await reloadLedger();
    expect(state()).toMatchObject({ memories: [], facts: [], relationship: null });
  });
});
