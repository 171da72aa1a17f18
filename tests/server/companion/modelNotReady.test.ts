import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Conversation, type ReplyEvent, type Utterance } from "../../../server/companion";
import { createGenerationQueue, type GenerationQueue } from "../../../server/llm";
import { createLocalProvider, LocalModelHost } from "../../../server/llm/local";
import { defaultPersona } from "../../../shared/persona";
import { writeTinyGguf } from "../../support/tinyGguf";

/**
 * The embedded model shared by every companion is sometimes not there for one of them: still
 * downloading or loading, or busy with others. The companion says so in character, and talks
 * normally once the model is free. Real provider, tiny random-weight GGUF.
 */
let dir: string;
let host: LocalModelHost;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kindred-model-not-ready-"));
  // Its vocabulary is letters, so a prompt takes about four times the tokens estimated for English.
  const file = writeTinyGguf(path.join(dir, "tiny.gguf"), { contextLength: 8192 });
  host = new LocalModelHost({ source: { kind: "file", path: file }, contextSize: 8192, maxThreads: 1 });
});
afterAll(async () => {
  await host.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const alice: Utterance = { speaker: { name: "Alice", isOwner: true, id: "user-alice" }, text: "Hi Wren!" };

function conversationOn(queue: GenerationQueue): Conversation {
  return new Conversation({
    companionId: "companion-1",
    ownerId: "user-alice",
    model: createLocalProvider({ host, queue }),
    persona: defaultPersona,
    world: () => ({ worldName: "the Plaza", nearby: [] }),
    maxReplyTokens: 12,
    budgetTokens: 1500,
  });
}

async function said(events: AsyncIterable<ReplyEvent>): Promise<string[]> {
  const texts: string[] = [];
  for await (const event of events) if (event.type === "sentence") texts.push(event.text);
  return texts;
}

describe("a companion whose embedded model is not free", () => {
  it("says it is still waking up while the model loads, then answers with the model once it is ready", async () => {
    const conversation = conversationOn(createGenerationQueue());
    expect(await said(conversation.say(alice))).toEqual(["Give me a moment, I'm still waking up…"]);
    await host.start();
    const reply = await said(conversation.say({ ...alice, text: "Are you awake now?" }));
    expect(reply.length).toBeGreaterThan(0);
    expect(reply).not.toContain("Give me a moment, I'm still waking up…");
    expect(reply).not.toContain("Sorry, I lost my train of thought…");
  });

  it("says its head is full when the model's queue is, in the persona's language", async () => {
    await host.start();
    const queue = createGenerationQueue({ concurrency: 1, maxWaiting: 0 });
    const release = await queue.acquire(new AbortController().signal);
    try {
      expect(await said(conversationOn(queue).say(alice))).toEqual(["Hang on, my head's full right now. Ask me again in a moment?"]);
      const german = new Conversation({
        companionId: "companion-2",
        ownerId: "user-alice",
        model: createLocalProvider({ host, queue }),
        persona: () => ({ ...defaultPersona(), language: "de-DE" }),
        world: () => ({ worldName: "the Plaza", nearby: [] }),
      });
      expect(await said(german.say(alice))).toEqual(["Moment, mir schwirrt gerade der Kopf. Frag mich gleich noch mal?"]);
    } finally {
      release();
    }
  });
});
