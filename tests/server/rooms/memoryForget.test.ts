import { describe, expect, it, vi } from "vitest";
import type { Database } from "../../../server/storage";
import { streamOf } from "../../support/scriptedLlmServer";
import { openTestDatabase } from "../support/database";
import { guestToken } from "../support/testServer";
import { companionOf, companionRoomHarness, doneCount } from "./companionRoomHarness";
import { hearCompanions, type Joined } from "./roomTestClient";

let db: Database;
const harness = companionRoomHarness(async () => ({ database: (db = await openTestDatabase()) }));

const SECRET = "Zephyrine";
const promptOf = (request: number) => JSON.stringify(harness.llm.requests[request]!.body.messages);
const systemOf = (request: number) => harness.llm.requests[request]!.body.messages![0]!.content;
const RELATIONSHIP_LINE = /How things are between you and your owner: [^\n]*/;

interface RelationshipRow {
  interactions: number;
  conversations: number;
  personal_shares: number;
  milestones: string[];
}
const relationshipOf = async (companionId: string) =>
  (await db.query<RelationshipRow>("SELECT interactions, conversations, personal_shares, milestones FROM relationships WHERE companion_id = $1", [companionId]))[0];

/** Waits until the background writes produce what `check` expects (they never block the reply). */
function eventually<T>(read: () => Promise<T>, check: (value: T) => void): Promise<T> {
  return vi.waitFor(async () => {
    const value = await read();
    check(value);
    return value;
  }, { timeout: 5000, interval: 50 });
}

/** Ann, signed in over HTTP, in the room with her companion; `api` calls the owner API as her. */
async function annInTheRoom() {
  const token = await guestToken(harness.server.url, "Ann");
  const room = await harness.client.join("Ann", { token });
  const companion = companionOf(room);
  const hears = hearCompanions(room);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${harness.server.url}/api/companions/${companion.id}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
  /** Says `text` and waits for the companion's answer (the `n`th of this test). */
  const say = async (room: Joined, text: string, n: number) => {
    room.send("chat", { text });
    await hears.until(() => doneCount(hears.of(companion.id)) === n, `answer ${n}`);
  };
  return { room, companion, api, say: (text: string, n: number) => say(room, text, n) };
}

describe("forgetting while the companion is live in the room", () => {
  it("forgets everything at once: the next prompt holds neither the fact nor the old turns, and the relationship starts over", async () => {
    const { companion, api, say } = await annInTheRoom();
    harness.llm.enqueue(streamOf("I'll keep that safe."), streamOf("Sardines it is."), streamOf("Hello! Tell me about yourself."));
    await say(`Between you and me, my sister is called ${SECRET} and she is moving in with me.`, 1);
    await say("I love grilled sardines.", 2);
    await eventually(
      async () => [(await db.query("SELECT 1 FROM facts WHERE companion_id = $1 AND value = $2", [companion.id, SECRET])).length, (await relationshipOf(companion.id))?.interactions],
      (found) => expect(found).toEqual([1, 2]),
    );
    expect((await relationshipOf(companion.id))!.milestones).toContain("first_personal");

    const forget = await api("/memories?confirm=everything", { method: "DELETE" });
    expect(forget.status).toBe(200);
    expect((await forget.json()).forgotten).toMatchObject({ facts: 2, relationship: true });

    await say("Hi, do you know anything about me?", 3);
    expect(harness.llm.requests).toHaveLength(3);
    expect(promptOf(2)).not.toContain(SECRET);
    expect(promptOf(2)).not.toContain("sardines");
    expect(promptOf(2)).not.toContain("I'll keep that safe.");
    // The relationship in the prompt is a first meeting again, as it was before anything was said.
    expect(systemOf(2).match(RELATIONSHIP_LINE)?.[0]).toBe(systemOf(0).match(RELATIONSHIP_LINE)?.[0]);

    const fresh = await eventually(() => relationshipOf(companion.id), (row) => expect(row?.interactions).toBe(1));
    expect(fresh).toMatchObject({ interactions: 1, conversations: 1, personal_shares: 0, milestones: ["first_meeting"] });
    const remembered = await eventually(
      () => db.query<{ text: string }>("SELECT text FROM memories WHERE companion_id = $1 AND kind = 'episode' ORDER BY seq", [companion.id]),
      (rows) => expect(rows.map((r) => r.text)).toContain("Hello! Tell me about yourself."),
    );
    expect(remembered.map((r) => r.text)).toEqual(["Hi, do you know anything about me?", "Hello! Tell me about yourself."]);
  });

  it("forgets one deleted memory out of the live conversation and keeps the rest", async () => {
    const { companion, api, say } = await annInTheRoom();
    harness.llm.enqueue(streamOf("Noted."), streamOf("Sardines it is."), streamOf("You like sardines."));
    await say(`The code word for my bike lock is ${SECRET}.`, 1);
    await say("I love grilled sardines.", 2);

    const listed = await eventually(
      async () => (await (await api(`/memories?q=${SECRET}`)).json()) as { memories: { id: string; text: string }[] },
      (page) => expect(page.memories).toHaveLength(1),
    );
    const deleted = await api(`/memories/${listed.memories[0]!.id}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);

    await say("What do you know about me?", 3);
    expect(promptOf(2)).not.toContain(SECRET);
    // Only the deleted turn left the conversation: the rest of it is still there.
    expect(promptOf(2)).toContain("I love grilled sardines.");
    expect(promptOf(2)).toContain("Noted.");
    expect(promptOf(2)).toContain("Sardines it is.");
  });

  it("after a replace import, the live companion goes on from the imported relationship, not the one it had", async () => {
    const { companion, api, say } = await annInTheRoom();
    harness.llm.enqueue(streamOf("Nice to meet you."), streamOf("Good to be back together."));
    await say(`My sister is called ${SECRET}.`, 1);
    await eventually(() => relationshipOf(companion.id), (row) => expect(row?.interactions).toBe(1));

    const exported = await (await api("/export")).json();
    const now = Date.now();
    const imported = {
      closeness: 0.8,
      trust: 0.7,
      mood: 0.3,
      interactions: 120,
      conversations: 40,
      personalShares: 12,
      firstMet: new Date(now - 540 * 86_400_000).toISOString(),
      lastSeen: new Date(now - 86_400_000).toISOString(),
      milestones: ["first_meeting", "first_personal", "conversations_10", "anniversary_1"],
    };
    const response = await api("/import?mode=replace&persona=keep", {
      method: "POST",
      body: JSON.stringify({ ...exported, memories: [], facts: [], relationship: imported }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mode: "replace", relationship: "imported" });

    await say("Hello again!", 2);
    expect(promptOf(1)).not.toContain(SECRET);
    expect(systemOf(1)).toContain("You have known each other about 18 months (41 conversations)");
    const after = await eventually(() => relationshipOf(companion.id), (row) => expect(row?.interactions).toBe(121));
    expect(after).toMatchObject({ conversations: 41, personal_shares: 12, milestones: imported.milestones });
  });
});
