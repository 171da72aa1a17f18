import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOwnerLedger, recallFacts, type OwnerLedger, type OwnerScope } from "../../../../server/memory";
import type { Database } from "../../../../server/storage";
import { addOwner, openMemoryDatabase } from "../memoryFixtures";
import { MET, minutesAfterMeeting, seedRemembered } from "./ledgerFixtures";

let db: Database;
let ledger: OwnerLedger;
const now = new Date(MET.getTime() + 3_600_000);
beforeAll(async () => {
  db = await openMemoryDatabase();
  ledger = createOwnerLedger({ db, clock: () => now });
});
afterAll(() => db.close());

async function rememberedBy(name: string): Promise<OwnerScope> {
  const scope = await addOwner(db, name);
  await seedRemembered(db, scope, name);
  return scope;
}

const refusal = (reason: string) => expect.objectContaining({ name: "LedgerError", reason });
const home = async (scope: OwnerScope) => (await ledger.listFacts(scope)).find((f) => f.subject === "home");

describe("facts in the ledger", () => {
  it("lists each current fact with what it replaced, newest first", async () => {
    const scope = await rememberedBy("Ann");
    const facts = await ledger.listFacts(scope);
    expect(facts.map((f) => [f.subject, f.value, f.current])).toEqual([
      ["olives", "olives", true],
      ["home", "Paris", true],
      ["sister", "Maya", true],
    ]);
    expect(facts[1]!.history).toEqual([{ id: expect.any(String), value: "London", validFrom: MET.toISOString(), supersededAt: minutesAfterMeeting(3).toISOString() }]);
  });

  it("corrects the current fact in place, and the companion recalls the correction", async () => {
    const scope = await rememberedBy("Bea");
    const paris = (await home(scope))!;
    const edited = await ledger.editFact(scope, paris.id, { value: "Lyon", confidence: 1 });
    expect(edited).toMatchObject({ id: paris.id, value: "Lyon", confidence: 1, history: [{ value: "London" }] });
    expect((await recallFacts(db, scope, "where is home", 5)).map((f) => f.value)).toEqual(["Lyon"]);
    const planned = await ledger.editFact(scope, paris.id, { planDate: "2027-01-02" });
    expect(planned.planDate).toBe("2027-01-02");
    expect((await ledger.editFact(scope, paris.id, { planDate: null })).planDate).toBeNull();
  });

  it("refuses to rewrite an earlier answer, and another owner's fact, changing nothing", async () => {
    const scope = await rememberedBy("Cai");
    const other = await rememberedBy("Dee");
    const fact = (await home(scope))!;
    await expect(ledger.editFact(scope, fact.history[0]!.id, { value: "Rome" })).rejects.toEqual(refusal("conflict"));
    await expect(ledger.editFact(other, fact.id, { value: "Rome" })).rejects.toEqual(refusal("not_found"));
    await expect(ledger.deleteFact(other, fact.id)).rejects.toEqual(refusal("not_found"));
    expect(await home(scope)).toEqual(fact);
  });

  it("forgets a current fact with its history, or just one earlier answer", async () => {
    const scope = await rememberedBy("Eve");
    const fact = (await home(scope))!;
    expect(await ledger.deleteFact(scope, fact.history[0]!.id)).toEqual({ deleted: 1 });
    expect((await home(scope))!.history).toEqual([]);
    const again = await rememberedBy("Fay");
    const paris = (await home(again))!;
    expect(await ledger.deleteFact(again, paris.id)).toEqual({ deleted: 2 });
    expect(await home(again)).toBeUndefined();
    // London does not come back as if it were true again.
    expect(await recallFacts(db, again, "home London Paris", 5)).toEqual([]);
  });
});

describe("the relationship in the ledger", () => {
  it("shows closeness, trust, mood, counters, first meeting and milestones with their dates", async () => {
    const scope = await rememberedBy("Gil");
    const relationship = await ledger.relationship(scope);
    expect(relationship).toMatchObject({ interactions: 5, conversations: 1, personalShares: 3, firstMet: MET.toISOString(), moodWord: expect.any(String) });
    expect(relationship!.closeness).toBeGreaterThan(0.1);
    expect(relationship!.trust).toBeGreaterThan(0.2);
    expect(relationship!.milestones).toEqual([{ id: "first_meeting", text: "The day I first met Gil.", reachedAt: MET.toISOString() }]);
  });

  it("is null before they meet", async () => {
    expect(await ledger.relationship(await addOwner(db, "Hal"))).toBeNull();
  });
});

describe("forgetting everything", () => {
  it("removes every memory, fact and the relationship of this owner only", async () => {
    const scope = await rememberedBy("Ida");
    const other = await rememberedBy("Jon");
    expect(await ledger.forgetEverything(scope)).toEqual({ memories: 7, facts: 4, relationship: true });
    expect(await ledger.listMemories(scope, { limit: 10 })).toEqual({ memories: [], next: null });
    expect(await ledger.listFacts(scope)).toEqual([]);
    expect(await ledger.relationship(scope)).toBeNull();
    expect((await ledger.listMemories(other, { limit: 10 })).memories).toHaveLength(7);
    expect(await ledger.forgetEverything(scope)).toEqual({ memories: 0, facts: 0, relationship: false });
  });
});
