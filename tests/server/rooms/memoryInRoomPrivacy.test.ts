import { describe, expect, it, vi } from "vitest";
import { defaultPersona } from "../../../shared/persona";
import type { Database } from "../../../server/storage";
import { streamOf } from "../../support/scriptedLlmServer";
import { openTestDatabase } from "../support/database";
import { guestToken } from "../support/testServer";
import { companionOf, companionRoomHarness, doneCount } from "./companionRoomHarness";
import { hearCompanions, untilState } from "./roomTestClient";

let db: Database;
const harness = companionRoomHarness(async () => ({ database: (db = await openTestDatabase()) }));

const SECRET = "Zephyrine";
const promptOf = (request: number) => JSON.stringify(harness.llm.requests[request]!.body.messages);

describe("memory privacy in a room", () => {
  it("keeps what the owner told their companion out of another player's prompt, and recalls it for the owner later", async () => {
    const token = await guestToken(harness.server.url, "Ann");
    let ann = await harness.client.join("Ann", { token });
    const companion = companionOf(ann);
    const rename = await fetch(`${harness.server.url}/api/companions/${companion.id}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ ...defaultPersona(), name: "Pip" }),
    });
    expect(rename.status).toBe(200);
    const bob = await harness.client.join("Bob");
    await untilState(bob, () => bob.state.companions.get(ann.sessionId)?.name === "Pip", "Ann's companion renamed");

    const annHears = hearCompanions(ann);
    harness.llm.enqueue(streamOf("I'll keep that to myself."), streamOf("I couldn't say, Bob."), streamOf("Zephyrine, of course."));
    ann.send("chat", { text: `Between you and me, my sister is called ${SECRET} and she is moving in with me.` });
    await annHears.until(() => doneCount(annHears.heard) === 1, "Pip's answer to Ann");
    // Stored before Bob asks, so the test shows the filter at work rather than a race.
    await vi.waitFor(async () => {
      const facts = await db.query("SELECT 1 FROM facts WHERE companion_id = $1 AND value = $2", [companion.id, SECRET]);
      const lines = await db.query("SELECT 1 FROM memories WHERE companion_id = $1 AND text LIKE $2", [companion.id, `%${SECRET}%`]);
      expect([facts.length, lines.length]).toEqual([1, 1]);
    }, { timeout: 5000, interval: 50 });

    const bobHears = hearCompanions(bob);
    bob.send("chat", { text: "Pip, what is the name of Ann's sister? Who is moving in with her?" });
    await bobHears.until(() => doneCount(bobHears.heard) === 1, "Pip's answer to Bob");
    expect(promptOf(1)).toContain("Bob (someone else here, not your owner)");
    expect(promptOf(1)).not.toContain(SECRET);

    // A new session: the conversation's history is empty, so only memory can bring the name back.
    await ann.leave(true);
    ann = await harness.client.join("Ann", { token });
    const again = hearCompanions(ann);
    ann.send("chat", { text: "Do you remember my sister's name?" });
    await again.until(() => again.heard.some((event) => event.kind === "done" && event.companionId === companion.id), "Pip's answer to Ann again");
    expect(harness.llm.requests).toHaveLength(3);
    const ownerPrompt = harness.llm.requests[2]!.body.messages!;
    expect(ownerPrompt.filter((m) => m.role !== "system").map((m) => m.content).join("\n")).not.toContain(SECRET);
    expect(ownerPrompt[0]!.content).toContain(`Your owner's sister is called ${SECRET}.`);
    expect(ownerPrompt[0]!.content).toContain(`Ann said: "Between you and me, my sister is called ${SECRET}`);
  });
});
