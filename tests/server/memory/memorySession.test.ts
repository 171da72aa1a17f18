import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { estimateTokens } from "../../../server/companion";
import type { CompanionMemoryOptions } from "../../../server/memory";
import { streamOf } from "../../support/scriptedLlmServer";
import { openMemoryDatabase } from "./memoryFixtures";
import { memorySessionBed, owner as alice } from "./memorySessionBed";

const bed = memorySessionBed();
let clock = new Date("2026-11-22T10:00:00Z");
const memory = (overrides: Partial<CompanionMemoryOptions> = {}) => bed.memory({ clock: () => clock, ...overrides });
const sessionOptions = bed.sessionOptions;

const rows = (companionId: string, kind: string) =>
  bed.db.query<{ text: string; source_turn: string }>("SELECT text, source_turn FROM memories WHERE companion_id = $1 AND kind = $2 ORDER BY seq", [companionId, kind]);

describe("a memory session without a model", () => {
  it("summarises every N lines and at the end, deterministically", async () => {
    const mind = memory({ reflectEveryLines: 3 });
    const options = await sessionOptions();
    const session = await mind.open(options);
    // The arrival counts as the first line.
    session.heard(alice(options.ownerId), "My sister is called Maya.");
    session.replied({ text: "What a lovely name.", interrupted: false, actions: [], to: alice(options.ownerId) });
    session.heard(alice(options.ownerId), "We had pancakes by the fountain.");
    await session.end();
    const reflections = await rows(options.companionId, "reflection");
    expect(reflections.map((r) => r.text)).toEqual([
      "Talked in the Plaza (3 lines). Key points: Alice and I arrived in the Plaza; Alice: My sister is called Maya; Kin: What a lovely name.",
    ]);
    // The last line alone is too little to summarise.
    expect(reflections).toHaveLength(1);
    expect(reflections[0]!.source_turn).toMatch(/:1-3$/);
  });
});

describe("a memory session with a model", () => {
  it("stores the facts the model extracts, checked against the schema, and asks with the JSON schema", async () => {
    const model = bed.model();
    const mind = memory({ model });
    const options = await sessionOptions();
    const session = await mind.open(options);
    bed.llm.enqueue(streamOf('Sure: {"facts": [{"kind": "person", "subject": "brother", "value": "Tom", "confidence": 0.8}]}'));
    session.heard(alice(options.ownerId), "Tom, my little brother, visits on Sundays.");
    await mind.idle();
    const facts = await bed.db.query<{ kind: string; subject: string; value: string; source_episodes: string[] }>("SELECT * FROM facts WHERE companion_id = $1", [options.companionId]);
    expect(facts.map((f) => [f.kind, f.subject, f.value])).toEqual([["person", "brother", "Tom"]]);
    expect(facts[0]!.source_episodes).toHaveLength(1);
    const system = bed.llm.requests[0]!.body.messages![0]!.content;
    expect(system).toContain('"enum":["like","dislike","person","place","plan","other"]');
    expect(system).toContain("Today is 2026-11-22.");
  });

  it("keeps the pattern facts and stores nothing more when the model's answer does not fit the schema", async () => {
    const model = bed.model();
    const mind = memory({ model });
    const options = await sessionOptions();
    const session = await mind.open(options);
    bed.llm.enqueue(streamOf('{"facts": [{"kind": "hobby", "subject": "x", "value": "y", "confidence": 3}]}'));
    session.heard(alice(options.ownerId), "I live in Oslo.");
    await mind.idle();
    const facts = await bed.db.query<{ value: string }>("SELECT value FROM facts WHERE companion_id = $1", [options.companionId]);
    expect(facts.map((f) => f.value)).toEqual(["Oslo"]);
  });

  it("summarises with the model, and offline when the model fails", async () => {
    const model = bed.model();
    const mind = memory({ model, useModel: true });
    const first = await sessionOptions();
    const session = await mind.open(first);
    bed.llm.enqueue(streamOf('{"facts": []}'), streamOf("Alice talked about her garden and seemed happy."));
    session.heard(alice(first.ownerId), "The roses in my garden bloomed.");
    await session.end();
    expect((await rows(first.companionId, "reflection")).map((r) => r.text)).toEqual(["Alice talked about her garden and seemed happy."]);

    const second = await sessionOptions("Bea");
    const failing = await mind.open(second);
    bed.llm.enqueue({ type: "status", status: 500 }, { type: "status", status: 500 });
    failing.heard({ name: "Bea", isOwner: true, id: second.ownerId }, "The tulips are out.");
    await failing.end();
    const [offline] = await rows(second.companionId, "reflection");
    expect(offline!.text).toContain("Bea: The tulips are out");
  });

  it("never asks the model when told not to", async () => {
    const model = bed.model();
    const mind = memory({ model, useModel: false });
    const options = await sessionOptions();
    const session = await mind.open(options);
    session.heard(alice(options.ownerId), "I live in Oslo.");
    await session.end();
    expect(bed.llm.requests).toHaveLength(0);
    expect(await rows(options.companionId, "reflection")).toHaveLength(1);
  });
});

describe("recall through a session", () => {
  it("offers facts and memories within the token budget, facts only to the owner", async () => {
    const mind = memory({ recallBudgetTokens: 60 });
    const options = await sessionOptions();
    const past = await mind.open(options);
    past.heard(alice(options.ownerId), "I live in Bergen.");
    for (let i = 0; i < 12; i++) past.heard(alice(options.ownerId), `Bergen story number ${i}: the rain in Bergen never stops, and the fish market smells of the sea.`);
    await past.end();

    clock = new Date("2026-11-23T10:00:00Z");
    const now = await mind.open(options);
    const recalled = await now.recall("Tell me about Bergen", { speakerId: options.ownerId, maxItems: 8 });
    expect(recalled[0]).toEqual({ text: "Your owner lives in Bergen." });
    expect(recalled.length).toBeGreaterThan(1);
    expect(recalled.slice(1).every((m) => m.when === "yesterday")).toBe(true);
    expect(recalled.reduce((sum, m) => sum + estimateTokens(m.text) + 1, 0)).toBeLessThanOrEqual(60);

    const stranger = await now.recall("Tell me about Bergen", { speakerId: "5b0c4bd4-4b8e-4f54-9d8a-5b0c4bd44b8e", maxItems: 8 });
    expect(stranger).toEqual([]);
    expect(now.relationship()).toMatch(/^You have known each other 1 day \(1 conversation\)/);
    await now.end();
  });
});

describe("storing a line", () => {
  it("settles `stored` once the line itself is in the database", async () => {
    const options = await sessionOptions();
    const mind = memory({});
    const session = await mind.open(options);
    const heard = session.heard(alice(options.ownerId), "The kettle whistles like a train.");
    await heard.stored;
    expect((await rows(options.companionId, "episode")).map((r) => r.text)).toContain("The kettle whistles like a train.");
    await session.end();
  });

  it("stores a line at once while a reply holds the writes, and what follows from it once the reply lets go", async () => {
    const options = await sessionOptions();
    const mind = memory({});
    const session = await mind.open(options);
    const factValues = async () => (await bed.db.query<{ value: string }>("SELECT value FROM facts WHERE companion_id = $1", [options.companionId])).map((f) => f.value);
    const release = session.holdWrites();
    await session.heard(alice(options.ownerId), "I live in Lisbon.").stored;
    for (let turn = 0; turn < 10; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    expect(await factValues()).toEqual([]);
    release();
    await mind.idle();
    expect(await factValues()).toEqual(["Lisbon"]);
    await session.end();
  });
});

describe("when the database fails", () => {
  it("logs the failure and never throws at the reply path", async () => {
    const options = await sessionOptions();
    const broken = await openMemoryDatabase();
    const logged: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (logged.push(String(chunk)), done()) });
    const mind = memory({ db: broken, log: pino({ level: "error" }, sink) });
    const session = await mind.open(options);
    await broken.close();
    const heard = session.heard(alice(options.ownerId), "I live in Oslo.");
    // The room acknowledges a line only once it is stored: here it never is.
    await expect(heard.stored).rejects.toThrow();
    expect(() => session.replied({ text: "Oslo!", interrupted: false, actions: [], to: alice(options.ownerId) })).not.toThrow();
    await session.end();
    expect(logged.some((line) => line.includes("memory work failed") && line.includes("record a heard line"))).toBe(true);
  });
});
