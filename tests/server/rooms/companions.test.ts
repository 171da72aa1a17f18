import { describe, expect, it } from "vitest";
import type { ErrorEvent } from "../../../shared/protocol";
import { streamOf } from "../../support/scriptedLlmServer";
import { hearCompanions, untilState } from "./roomTestClient";
import { companionOf, companionRoomHarness, doneCount, gate } from "./companionRoomHarness";

const harness = companionRoomHarness();


describe("a player's companion", () => {
  it("appears beside its owner on join, named from the default persona", async () => {
    const ann = await harness.client.join("Ann");
    const me = ann.state.players.get(ann.sessionId)!;
    const companion = companionOf(ann);
    expect(companion.toJSON()).toMatchObject({ ownerId: me.userId, name: "Wren", emotion: "neutral", speaking: false, gesture: "" });
    expect(companion.id).toMatch(/^[0-9a-f-]{36}$/);
    // Beside and a little behind: inside the 1.0–1.5 m band (see steering's slot).
    const distance = Math.hypot(companion.x - me.x, companion.z - me.z);
    expect(distance).toBeGreaterThanOrEqual(1);
    expect(distance).toBeLessThanOrEqual(1.5);
  });

  it("answers its owner's chat with sentences in order, then done, and shows its emotion", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const bobHears = hearCompanions(bob);
    const companion = companionOf(ann);
    harness.llm.enqueue({ type: "stream", pieces: ["[happy] Hello", " Ann!", " [wave]", " Lovely", " to see you."], delayMs: 5 });

    ann.send("chat", { text: "Hi Wren!" });
    await bobHears.until(() => doneCount(bobHears.heard) === 1, "the reply's done");

    const base = { companionId: companion.id, ownerId: companion.ownerId };
    expect(bobHears.heard).toEqual([
      { kind: "sentence", ...base, seq: 1, text: "Hello Ann!", emotion: "happy", actions: [] },
      { kind: "sentence", ...base, seq: 2, text: "Lovely to see you.", actions: [{ name: "wave" }] },
      { kind: "done", companionId: companion.id, text: "Hello Ann! Lovely to see you.", interrupted: false },
    ]);
    await untilState(bob, () => bob.state.companions.get(ann.sessionId)?.emotion === "happy", "the companion's emotion to show");
    await untilState(bob, () => bob.state.companions.get(ann.sessionId)?.speaking === false, "the companion to stop speaking");

    const prompt = harness.llm.requests[0]!.body.messages!;
    expect(prompt.at(-1)).toMatchObject({ role: "user", content: expect.stringMatching(/Ann \(your owner\) says:[\s\S]*Hi Wren!/) });
    expect(prompt[0]!.content).toContain("World alpha");
  });

  it("stops at a companion:stop from its owner: no more sentences, done marked interrupted", async () => {
    const ann = await harness.client.join("Ann");
    const hears = hearCompanions(ann);
    const companion = companionOf(ann);
    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["[happy] One sentence here.", " Second", { pause: held.pause }, " never said."] });

    ann.send("chat", { text: "Tell me a story" });
    await hears.until(() => hears.heard.length === 1, "the first sentence");
    ann.send("companion:stop", { companionId: companion.id });
    await hears.until(() => doneCount(hears.heard) === 1, "done after the stop");
    await harness.llm.requests[0]!.closed;
    expect(harness.llm.requests[0]!.closedEarly).toBe(true);
    held.open();

    harness.llm.enqueue(streamOf("Fine, later then."));
    ann.send("chat", { text: "Never mind" });
    await hears.until(() => doneCount(hears.heard) === 2, "the next reply");
    expect(hears.heard.map(({ kind, text }) => [kind, text])).toEqual([
      ["sentence", "One sentence here."],
      ["done", "One sentence here."],
      ["sentence", "Fine, later then."],
      ["done", "Fine, later then."],
    ]);
    expect(hears.heard[1]).toMatchObject({ interrupted: true });
    expect(hears.heard[3]).toMatchObject({ interrupted: false });
    // The model heard that the first reply was cut short.
    expect(JSON.stringify(harness.llm.requests[1]!.body.messages)).toContain("One sentence here.");
  });

  it("is interrupted by a new line from its owner, and answers that one", async () => {
    const ann = await harness.client.join("Ann");
    const hears = hearCompanions(ann);
    const held = gate();
    harness.llm.enqueue(
      { type: "stream", pieces: ["Once upon a time.", " There", { pause: held.pause }, " was a fox."] },
      streamOf("[surprised] Oh, you want to talk about birds?"),
    );

    ann.send("chat", { text: "Tell me a story" });
    await hears.until(() => hears.heard.length === 1, "the first sentence");
    ann.send("chat", { text: "Actually, birds!" });
    await hears.until(() => doneCount(hears.heard) === 2, "the second reply");
    held.open();

    expect(hears.heard.map(({ kind, text }) => [kind, text])).toEqual([
      ["sentence", "Once upon a time."],
      ["done", "Once upon a time."],
      ["sentence", "Oh, you want to talk about birds?"],
      ["done", "Oh, you want to talk about birds?"],
    ]);
    expect(hears.heard.map((event) => (event.kind === "done" ? event.interrupted : event.seq))).toEqual([1, true, 2, false]);
    expect(harness.llm.requests[0]!.closedEarly).toBe(true);
    await untilState(ann, () => companionOf(ann).emotion === "surprised", "the new emotion");
  });

  it("refuses a companion:stop from someone who is not its owner, and keeps talking", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const hears = hearCompanions(ann);
    const companion = companionOf(ann);
    const held = gate();
    harness.llm.enqueue({ type: "stream", pieces: ["First part.", " Second", { pause: held.pause }, " part."] });

    ann.send("chat", { text: "Go on" });
    await hears.until(() => hears.heard.length === 1, "the first sentence");
    const refused = bob.waitForMessage("error") as Promise<ErrorEvent>;
    bob.send("companion:stop", { companionId: companion.id });
    expect(await refused).toEqual({ code: "not_owner", type: "companion:stop", message: "only its owner can stop a companion" });
    held.open();

    await hears.until(() => doneCount(hears.heard) === 1, "the whole reply");
    expect(hears.heard.at(-1)).toMatchObject({ kind: "done", text: "First part. Second part.", interrupted: false });
  });

  it.each([
    ["without a companion id", {}, "invalid_message", /companionId/],
    ["with extra fields", { companionId: "x", force: true }, "invalid_message", /Unrecognized key: "force"/],
    ["for a companion that is not here", { companionId: "nobody" }, "invalid_message", /no companion "nobody" in this room/],
  ])("refuses a companion:stop %s", async (_what, message, code, text) => {
    const ann = await harness.client.join("Ann");
    const refused = ann.waitForMessage("error") as Promise<ErrorEvent>;
    ann.send("companion:stop", message);
    expect(await refused).toEqual({ code, type: "companion:stop", message: expect.stringMatching(text) });
  });

  it("says in character that it lost its thread when the model fails, and the next turn works", async () => {
    const ann = await harness.client.join("Ann");
    const hears = hearCompanions(ann);
    harness.llm.enqueue({ type: "status", status: 500 }, streamOf("[relaxed] I'm back with you."));

    ann.send("chat", { text: "Hello?" });
    await hears.until(() => doneCount(hears.heard) === 1, "the failed reply");
    ann.send("chat", { text: "Still there?" });
    await hears.until(() => doneCount(hears.heard) === 2, "the next reply");

    expect(hears.heard.map(({ kind, text }) => [kind, text])).toEqual([
      ["sentence", "Sorry, I lost my train of thought…"],
      ["done", "Sorry, I lost my train of thought…"],
      ["sentence", "I'm back with you."],
      ["done", "I'm back with you."],
    ]);
    expect(hears.heard[1]).toMatchObject({ interrupted: true });
    expect(hears.heard[3]).toMatchObject({ interrupted: false });
  });

  it("leaves a name shared with the speaker's own companion to theirs: Bob's \"Wren\" is his own Wren", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    const hears = hearCompanions(ann);
    harness.llm.enqueue(streamOf("Hi Bob."));

    bob.send("chat", { text: "Hello Wren, Ann's companion!" });
    await hears.until(() => doneCount(hears.heard) === 1, "a reply");
    expect(hears.heard.every((event) => event.companionId === companionOf(bob).id)).toBe(true);
    expect(hears.of(companionOf(ann).id)).toEqual([]);
    expect(harness.llm.requests).toHaveLength(1);
  });

  it("leaves the room with its owner", async () => {
    const ann = await harness.client.join("Ann");
    const bob = await harness.client.join("Bob");
    expect(bob.state.companions.has(ann.sessionId)).toBe(true);
    await ann.leave(true);
    await untilState(bob, () => !bob.state.companions.has(ann.sessionId), "Ann's companion to leave");
    expect(bob.state.companions.size).toBe(1);
  });
});
