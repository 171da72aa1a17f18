import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ErrorEvent } from "../../../shared/protocol";
import { freePort } from "../support/freePort";
import { guestToken, startTestServer, type TestServer } from "../support/testServer";
import { hearCompanions, roomTestClient, type Joined } from "./roomTestClient";

let server: TestServer;
let client: ReturnType<typeof roomTestClient>;

beforeAll(async () => {
  // `auto` with no endpoint configured and nothing listening where Ollama would be: no model.
  server = await startTestServer({ llmMode: "auto", ollamaUrl: `http://127.0.0.1:${await freePort()}` });
  client = roomTestClient(server);
});
afterEach(() => client.cleanup());
afterAll(() => server.stop());

/** Everything the room sends this player after `message` is handled arrives before the error it answers. */
async function sync(room: Joined): Promise<void> {
  const answered = room.waitForMessage("error") as Promise<ErrorEvent>;
  room.send("sync-probe", {});
  await answered;
}

describe("a companion without a language model", () => {
  it("is reported at start as none, with the reason", () => {
    expect(server.languageModel).toEqual({ source: "none", description: expect.stringMatching(/no Ollama at http:\/\/127\.0\.0\.1:\d+/) });
  });

  it("tells its owner once, in character, how to set up a model, and the world keeps running", async () => {
    const token = await guestToken(server.url, "Ann");
    const ann = await client.join("Ann", { token });
    const hears = hearCompanions(ann);

    ann.send("chat", { text: "Hi Wren!" });
    await hears.until(() => hears.heard.some((event) => event.kind === "done"), "the setup hint");
    expect(hears.heard.map((event) => event.kind)).toEqual(["sentence", "sentence", "sentence", "done"]);
    const done = hears.heard.at(-1)!;
    expect(done).toMatchObject({ interrupted: false, text: expect.stringMatching(/Start Ollama.*KINDRED_LLM_BASE_URL/) });
    expect(hears.heard[0]).toMatchObject({ seq: 1, emotion: "sad", ownerId: ann.state.players.get(ann.sessionId)!.userId });

    // Later lines get a silent answer: a done with nothing said, so nobody waits for a reply.
    const silence = { kind: "done", companionId: done.companionId, text: "", interrupted: false };
    ann.send("chat", { text: "Hello again?" });
    await hears.until(() => hears.heard.length === 5, "the answer to the second line");
    expect(hears.heard[4]).toEqual(silence);

    // The same owner in another room (here: the other world) is not told again.
    await ann.leave(true);
    const again = await client.join("Ann", { token, world: "beta" });
    const hearsAgain = hearCompanions(again);
    again.send("chat", { text: "Anyone?" });
    await hearsAgain.until(() => hearsAgain.heard.length > 0, "the answer in the other room");
    await sync(again);
    expect(hearsAgain.heard).toEqual([{ ...silence, companionId: again.state.companions.get(again.sessionId)!.id }]);
  });

  it("tells every owner once", async () => {
    const bob = await client.join("Bob");
    const cat = await client.join("Cat");
    const bobHears = hearCompanions(bob);
    bob.send("chat", { text: "Hello" });
    cat.send("chat", { text: "Hello" });
    await bobHears.until(() => bobHears.heard.filter((event) => event.kind === "done").length === 2, "both hints");
    const companions = new Set(bobHears.heard.map((event) => event.companionId));
    expect(companions).toEqual(new Set([bob.state.companions.get(bob.sessionId)!.id, cat.state.companions.get(cat.sessionId)!.id]));
  });
});
