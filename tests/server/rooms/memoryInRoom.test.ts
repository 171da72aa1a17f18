import { describe, expect, it, vi } from "vitest";
import type { Database } from "../../../server/storage";
import { streamOf } from "../../support/scriptedLlmServer";
import { openTestDatabase } from "../support/database";
import { guestToken } from "../support/testServer";
import { companionOf, companionRoomHarness, doneCount, gate } from "./companionRoomHarness";
import { hearCompanions } from "./roomTestClient";

let db: Database;
const harness = companionRoomHarness(async () => ({ database: (db = await openTestDatabase()) }));

interface MemoryRow {
  kind: string;
  text: string;
  speaker: string | null;
  speaker_id: string | null;
  visibility: string;
  world: string | null;
  place: string | null;
  participants: string[];
  emotion: string | null;
  interrupted: boolean;
  source_turn: string | null;
}

const memoriesOf = (companionId: string) =>
  db.query<MemoryRow>("SELECT * FROM memories WHERE companion_id = $1 ORDER BY seq", [companionId]);

/** Waits until the background writes produce what `check` expects (they never block the reply). */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => void): Promise<T> {
  return vi.waitFor(async () => {
    const value = await read();
    check(value);
    return value;
  }, { timeout: 5000, interval: 50 });
}

describe("memory in a room", () => {
  it("records the arrival, the owner's line with its facts and the reply, with time, place, people and feeling", async () => {
    const ann = await harness.client.join("Ann");
    const companion = companionOf(ann);
    const hears = hearCompanions(ann);
    harness.llm.enqueue(streamOf("[happy] Lisbon sounds lovely! [wave]"));

    ann.send("chat", { text: "I live in Lisbon and I love grilled sardines." });
    await hears.until(() => doneCount(hears.heard) === 1, "the reply");

    const system = harness.llm.requests[0]!.body.messages![0]!.content;
    expect(system).toMatch(/^You are /);
    expect(system).toContain("How things are between you and your owner: You met today (1 conversation); you are still new to each other;");

    const rows = await eventually(() => memoriesOf(companion.id), (rows) => expect(rows.filter((r) => r.kind === "episode")).toHaveLength(3));
    const [arrival, line, reply] = rows.filter((r) => r.kind === "episode");
    expect(arrival).toMatchObject({ text: `Ann and I arrived in World alpha.`, speaker: null, world: "alpha", place: "Centre", visibility: "private" });
    expect(line).toMatchObject({
      text: "I live in Lisbon and I love grilled sardines.",
      speaker: "Ann",
      speaker_id: companion.ownerId,
      visibility: "private",
      world: "alpha",
      place: "Centre",
      participants: ["Ann", companion.name],
      interrupted: false,
    });
    expect(reply).toMatchObject({ text: "Lisbon sounds lovely! [wave]", speaker: companion.name, emotion: "happy", participants: [companion.name, "Ann"], interrupted: false });
    expect(line!.source_turn).not.toBe(reply!.source_turn);
    expect(rows.filter((r) => r.kind === "milestone").map((r) => r.text)).toEqual(
      expect.arrayContaining(["The day I first met Ann.", "The first time Ann shared something personal with me."]),
    );

    const facts = await eventually(
      () => db.query<{ kind: string; subject: string; value: string; source_episodes: string[] }>("SELECT * FROM facts WHERE companion_id = $1 ORDER BY kind", [companion.id]),
      (facts) => expect(facts).toHaveLength(2),
    );
    expect(facts.map((f) => [f.kind, f.subject, f.value])).toEqual([["like", "grilled sardines", "grilled sardines"], ["place", "home", "Lisbon"]]);
    const [lineId] = await db.query<{ id: string }>("SELECT id FROM memories WHERE text = $1", [line!.text]);
    expect(facts[0]!.source_episodes).toEqual([lineId!.id]);

    const [relationship] = await eventually(
      () => db.query<{ interactions: number; conversations: number; personal_shares: number }>("SELECT * FROM relationships WHERE companion_id = $1", [companion.id]),
      (rows) => expect(rows[0]?.interactions).toBe(1),
    );
    expect(relationship).toMatchObject({ conversations: 1, personal_shares: 1 });
  });

  it("remembers a reply cut off by the owner as interrupted, with what was said of it", async () => {
    const ann = await harness.client.join("Ann");
    const companion = companionOf(ann);
    const hears = hearCompanions(ann);
    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["Once upon a time, ", "there was a fox. ", { pause: held.pause }, "It sang."] }, streamOf("Sure."));

    ann.send("chat", { text: "Tell me a story." });
    await hears.until(() => hears.heard.some((e) => e.kind === "sentence"), "the first sentence");
    ann.send("chat", { text: "Actually, never mind." });
    await hears.until(() => doneCount(hears.heard) === 2, "both replies done");
    held.open();

    const replies = await eventually(
      async () => (await memoriesOf(companion.id)).filter((r) => r.speaker === companion.name),
      (rows) => expect(rows).toHaveLength(2),
    );
    expect(replies.map((r) => [r.text, r.interrupted])).toEqual([
      ["Once upon a time, there was a fox.", true],
      ["Sure.", false],
    ]);
  });

  it("remembers arriving through a portal, and summarises the session when the owner leaves", async () => {
    const token = await guestToken(harness.server.url, "Cy");
    const cy = await harness.client.join("Cy", { token, via: "to-beta" });
    const companion = companionOf(cy);
    const hears = hearCompanions(cy);
    harness.llm.enqueue(streamOf("Welcome back."), streamOf("Good night."));
    cy.send("chat", { text: "We came back from beta." });
    await hears.until(() => doneCount(hears.heard) === 1, "the first reply");
    cy.send("chat", { text: "I'm going to Porto next Friday." });
    await hears.until(() => doneCount(hears.heard) === 2, "the second reply");
    await cy.leave(true);

    const rows = await eventually(() => memoriesOf(companion.id), (rows) => expect(rows.some((r) => r.kind === "reflection")).toBe(true));
    expect(rows[0]!.text).toBe("Cy and I arrived in World alpha through the portal from World beta.");
    const reflection = rows.find((r) => r.kind === "reflection")!;
    expect(reflection.text).toContain("I'm going to Porto next Friday");
    expect(reflection.visibility).toBe("private");
    const [plan] = await db.query<{ kind: string; plan_date: string | null }>("SELECT kind, plan_date::text FROM facts WHERE companion_id = $1", [companion.id]);
    expect(plan).toMatchObject({ kind: "plan" });
    expect(plan!.plan_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
