import { describe, expect, it } from "vitest";
import type { ErrorEvent } from "../../../shared/protocol";
import { defaultPersona } from "../../../shared/persona";
import { streamOf } from "../../support/scriptedLlmServer";
import { guestToken } from "../support/testServer";
import { hearCompanions, untilState, type Joined } from "./roomTestClient";
import { companionOf, companionRoomHarness, doneCount, gate } from "./companionRoomHarness";

const harness = companionRoomHarness();

const lastLineOf = (request: number) => harness.llm.requests[request]!.body.messages!.at(-1)!.content;

/** Ann joins with her companion renamed to Pip (everyone else's is the default Wren), then Bob. */
async function annWithPipAndBob(): Promise<{ ann: Joined; bob: Joined }> {
  const token = await guestToken(harness.server.url, "Ann");
  const ann = await harness.client.join("Ann", { token });
  const edit = await fetch(`${harness.server.url}/api/companions/${companionOf(ann).id}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ ...defaultPersona(), name: "Pip" }),
  });
  expect(edit.status).toBe(200);
  const bob = await harness.client.join("Bob");
  await untilState(bob, () => bob.state.companions.get(ann.sessionId)?.name === "Pip", "Ann's companion renamed");
  return { ann, bob };
}

describe("talking to someone else's companion", () => {
  it("answers a person who addresses it by name, and its prompt says they are not its owner", async () => {
    const { ann, bob } = await annWithPipAndBob();
    const hears = hearCompanions(bob);
    harness.llm.enqueue(streamOf("[happy] Very well, Bob!"));

    bob.send("chat", { text: "Pip, how are you?" });
    await hears.until(() => doneCount(hears.heard) === 1, "Pip's answer");

    expect(hears.of(companionOf(ann).id).map(({ kind, text }) => [kind, text])).toEqual([
      ["sentence", "Very well, Bob!"],
      ["done", "Very well, Bob!"],
    ]);
    expect(hears.of(companionOf(bob).id)).toEqual([]);
    expect(harness.llm.requests).toHaveLength(1);
    expect(lastLineOf(0)).toMatch(/^Bob \(someone else here, not your owner\) says:\n«««Pip, how are you\?»»»$/);
    expect(harness.llm.requests[0]!.body.messages![0]!.content).toContain("You are Pip");
  });

  it.each([
    ["without the name", "How is everyone?"],
    ["with the name inside another word", "Pipe organs are loud"],
    ["talking about it, not to it", "I think Pip likes you"],
  ])("leaves a line %s to the speaker's own companion", async (_what, text) => {
    const { ann, bob } = await annWithPipAndBob();
    const hears = hearCompanions(bob);
    harness.llm.enqueue(streamOf("Hm."));

    bob.send("chat", { text });
    await hears.until(() => doneCount(hears.heard) === 1, "an answer");

    expect(hears.of(companionOf(ann).id)).toEqual([]);
    expect(hears.of(companionOf(bob).id).at(-1)).toMatchObject({ kind: "done", text: "Hm." });
    expect(lastLineOf(0)).toMatch(/^Bob \(your owner\) says:/);
  });

  it("lets owners talk to their own companion as before, and to another's by its name", async () => {
    const { ann, bob } = await annWithPipAndBob();
    const hears = hearCompanions(ann);
    harness.llm.enqueue(streamOf("Yes, Ann?"), streamOf("Hello, Ann."));

    ann.send("chat", { text: "Pip, are you there?" });
    await hears.until(() => doneCount(hears.heard) === 1, "Pip's answer");
    ann.send("chat", { text: "Hey Wren!" });
    await hears.until(() => doneCount(hears.heard) === 2, "Wren's answer");

    expect(hears.heard.map(({ kind, companionId }) => [kind, companionId])).toEqual([
      ["sentence", companionOf(ann).id],
      ["done", companionOf(ann).id],
      ["sentence", companionOf(bob).id],
      ["done", companionOf(bob).id],
    ]);
    expect(lastLineOf(0)).toMatch(/^Ann \(your owner\) says:/);
    expect(lastLineOf(1)).toMatch(/^Ann \(someone else here, not your owner\) says:/);
  });

  it("never cuts its owner short: the newest line from someone else waits and is answered next", async () => {
    const { ann, bob } = await annWithPipAndBob();
    const hears = hearCompanions(ann);
    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["Once upon a time.", " A fox", { pause: held.pause }, " sang."] }, streamOf("Of course, Bob."));

    ann.send("chat", { text: "Tell me a story" });
    await hears.until(() => hears.heard.length === 1, "the story's first sentence");
    bob.send("chat", { text: "Pip, can I ask something?" });
    bob.send("chat", { text: "Pip, may I listen too?" });
    // Both lines have reached the room once Bob sees them in chat; only then may the story go on.
    await new Promise<void>((resolve) => {
      let seen = 0;
      bob.onMessage("chat", () => ++seen === 2 && resolve());
    });
    held.open();
    await hears.until(() => doneCount(hears.heard) === 2, "the story, then Bob's answer");

    expect(hears.heard.map(({ kind, text }) => [kind, text])).toEqual([
      ["sentence", "Once upon a time."],
      ["sentence", "A fox sang."],
      ["done", "Once upon a time. A fox sang."],
      ["sentence", "Of course, Bob."],
      ["done", "Of course, Bob."],
    ]);
    expect(hears.heard[2]).toMatchObject({ interrupted: false });
    expect(harness.llm.requests).toHaveLength(2);
    expect(harness.llm.requests[0]!.closedEarly).toBe(false);
    expect(lastLineOf(1)).toMatch(/Bob \(someone else here, not your owner\) says:\n«««Pip, may I listen too\?»»»$/);
    expect(JSON.stringify(harness.llm.requests[1]!.body.messages)).not.toContain("can I ask something");
  });

  it("limits how often one person may address other people's companions", async () => {
    const { ann, bob } = await annWithPipAndBob();
    const hears = hearCompanions(ann);
    const refused = bob.waitForMessage("error") as Promise<ErrorEvent>;
    for (let line = 1; line <= 4; line++) bob.send("chat", { text: `Pip, question ${line}?` });

    expect(await refused).toEqual({
      code: "rate_limited",
      type: "chat",
      message: "Pip did not hear that: at most 3 lines to other people's companions per 30 seconds",
    });
    // The first is answered, the third waited and is answered after it; the fourth was never heard.
    await hears.until(() => doneCount(hears.heard) === 2, "two answers");
    const lines = harness.llm.requests.map((_request, index) => lastLineOf(index));
    expect(lines).toEqual([expect.stringContaining("question 1?"), expect.stringContaining("question 3?")]);
    expect(hears.of(companionOf(bob).id)).toEqual([]);
    expect(hears.of(companionOf(ann).id)).toHaveLength(4);
  });
});
