import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { Conversation, systemPrompt, type ConversationOptions, type ReplyEvent, type Utterance } from "../../../server/companion";
import { createOpenAIProvider } from "../../../server/llm";
import { defaultPersona, PersonaBlueprint } from "../../../shared/persona";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer, type ScriptedResponse } from "../../support/scriptedLlmServer";

let server: ScriptedLlmServer;
beforeAll(async () => {
  server = await startScriptedLlmServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const alice: Utterance = { speaker: { name: "Alice", isOwner: true, id: "user-alice" }, text: "Hi Wren!" };
const utter = (text: string): Utterance => ({ ...alice, text });

function startConversation(overrides: Partial<ConversationOptions> = {}): { conversation: Conversation; problems: { kind: string }[] } {
  const problems: { kind: string }[] = [];
  const model = createOpenAIProvider({ baseURL: server.baseURL, model: server.model, connectTimeoutMs: 1_000, idleTimeoutMs: 300 });
  const conversation = new Conversation({
    companionId: "companion-1",
    ownerId: "user-alice",
    model,
    persona: defaultPersona,
    world: () => ({ worldName: "the Plaza", nearby: [] }),
    onProblem: (problem) => problems.push(problem),
    ...overrides,
  });
  return { conversation, problems };
}

async function collect(events: AsyncIterable<ReplyEvent>): Promise<ReplyEvent[]> {
  const all: ReplyEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

function gate(): { pause: Promise<void>; open: () => void } {
  let open!: () => void;
  return { pause: new Promise<void>((resolve) => (open = resolve)), open };
}

const sentence = (text: string, extra: Partial<Extract<ReplyEvent, { type: "sentence" }>> = {}): ReplyEvent => ({ type: "sentence", text, actions: [], ...extra });

describe("Conversation", () => {
  it("streams a reply as sentences with emotions and gestures, and records both turns", async () => {
    const { conversation } = startConversation();
    server.enqueue({ type: "stream", pieces: ["[happy] Hi", " Alice!", " [wave]", " Lovely", " evening."], delayMs: 5 });
    expect(await collect(conversation.say(alice))).toEqual([
      sentence("Hi Alice!", { emotion: "happy" }),
      sentence("Lovely evening.", { actions: [{ name: "wave" }] }),
      { type: "done", text: "Hi Alice! Lovely evening.", interrupted: false },
    ]);
    expect(conversation.history).toEqual([
      { role: "person", utterance: alice },
      { role: "companion", text: "Hi Alice! Lovely evening.", interrupted: false },
    ]);
    const messages = server.requests[0]!.body.messages!;
    expect(messages[0]!.role).toBe("system");
    expect(messages[0]!.content.startsWith(systemPrompt(defaultPersona()))).toBe(true);
    expect(messages.at(-1)).toEqual({ role: "user", content: "Alice (your owner) says:\n«««Hi Wren!»»»" });
  });

  it("releases the first sentence while the model is still generating", async () => {
    const { conversation } = startConversation();
    const held = gate();
    server.enqueue({ type: "stream", pieces: ["Oh, hello there", " my friend,", " it is", { pause: held.pause }, " good to see you."] });
    const reply = conversation.say(alice);
    expect((await reply.next()).value).toEqual(sentence("Oh, hello there my friend,"));
    expect(server.requests[0]!.completed).toBe(false);
    held.open();
    expect((await collect(reply)).map((event) => event.type === "sentence" ? event.text : event.type)).toEqual(["it is good to see you.", "done"]);
  });

  it("stop() cancels the reply in flight: no more sentences, the connection closes, the partial reply is kept", async () => {
    const { conversation } = startConversation();
    const held = gate();
    server.enqueue({ type: "stream", pieces: ["First sentence here.", " Second", { pause: held.pause }, " sentence. Third one."] });
    const reply = conversation.say(alice);
    expect((await reply.next()).value).toEqual(sentence("First sentence here."));
    expect(conversation.busy).toBe(true);
    conversation.stop();
    expect(conversation.busy).toBe(false);
    // The server is still holding the rest of the reply when it sees the connection close.
    await server.requests[0]!.closed;
    expect(server.requests[0]!.closedEarly).toBe(true);
    held.open();
    expect(await collect(reply)).toEqual([{ type: "done", text: "First sentence here.", interrupted: true }]);
    expect(conversation.history.at(-1)).toEqual({ role: "companion", text: "First sentence here.", interrupted: true });
  });

  it("a new utterance barges in: the old reply ends interrupted, history keeps the order, the next reply works", async () => {
    const { conversation } = startConversation();
    const held = gate();
    server.enqueue({ type: "stream", pieces: ["Let me tell you a story.", " Once", { pause: held.pause }, " upon a time."], ending: "hang" });
    server.enqueue(streamOf("[surprised] Oh! Sure, go ahead."));
    const first = conversation.say(utter("Tell me a story"));
    expect((await first.next()).value).toEqual(sentence("Let me tell you a story."));

    const second = conversation.say(utter("Wait, I have a question"));
    expect(await collect(first)).toEqual([{ type: "done", text: "Let me tell you a story.", interrupted: true }]);
    await server.requests[0]!.closed;
    expect(server.requests[0]!.closedEarly).toBe(true);
    held.open();

    expect(await collect(second)).toEqual([sentence("Oh!", { emotion: "surprised" }), sentence("Sure, go ahead."), { type: "done", text: "Oh! Sure, go ahead.", interrupted: false }]);
    expect(conversation.history.map((turn) => (turn.role === "person" ? `person:${turn.utterance.text}` : `companion:${turn.text}:${turn.interrupted}`))).toEqual([
      "person:Tell me a story",
      "companion:Let me tell you a story.:true",
      "person:Wait, I have a question",
      "companion:Oh! Sure, go ahead.:false",
    ]);
    const secondPrompt = server.requests[1]!.body.messages!;
    expect(secondPrompt.slice(1).map((m) => m.content)).toEqual([
      "Alice (your owner) says:\n«««Tell me a story»»»",
      "Let me tell you a story.…",
      "Alice (your owner) says:\n«««Wait, I have a question»»»",
    ]);
  });

  it("a reply cancelled before it was read ends at once without asking the model", async () => {
    const { conversation } = startConversation();
    const never = conversation.say(utter("first"));
    conversation.stop();
    expect(await collect(never)).toEqual([{ type: "done", text: "", interrupted: true }]);
    expect(server.requests).toHaveLength(0);
  });

  const failures: [string, ScriptedResponse][] = [
    ["an HTTP 500", { type: "status", status: 500 }],
    ["a server that never answers", { type: "hang" }],
    ["a stream that goes silent", streamOf("Well. I think ", { ending: "hang" })],
    ["a truncated stream", streamOf("Well. I think ", { ending: "truncate" })],
    ["a malformed chunk", streamOf("Well. I think ", { ending: "malformed" })],
    ["a reset connection", streamOf("Well. I think ", { ending: "reset" })],
  ];
  it.each(failures)("recovers in character from %s, and the next turn works", async (_name, response) => {
    const { conversation, problems } = startConversation();
    server.enqueue(response, streamOf("[happy] I'm back."));
    const events = await collect(conversation.say(alice));
    const said = events.flatMap((event) => (event.type === "sentence" ? [event.text] : []));
    expect(said.at(-1)).toBe("Sorry, I lost my train of thought…");
    expect(said.every((text) => text === "Well." || text === "Sorry, I lost my train of thought…")).toBe(true);
    expect(events.at(-1)).toEqual({ type: "done", text: said.join(" "), interrupted: true });
    expect(problems).toHaveLength(1);

    expect(await collect(conversation.say(utter("Are you ok?")))).toEqual([
      sentence("I'm back.", { emotion: "happy" }),
      { type: "done", text: "I'm back.", interrupted: false },
    ]);
  });

  it("says its lost-thought line in the persona's language", async () => {
    const german = PersonaBlueprint.parse({ ...defaultPersona(), language: "de-DE" });
    const { conversation } = startConversation({ persona: () => german });
    server.enqueue({ type: "status", status: 500 });
    const events = await collect(conversation.say(alice));
    expect(events[0]).toEqual(sentence("Entschuldige, ich habe den Faden verloren…", { emotion: "neutral" }));
  });

  it("drops sentences that break character, and covers a reply that was nothing else", async () => {
    const { conversation, problems } = startConversation();
    server.enqueue(streamOf("As an AI language model, I cannot walk. [happy] But let's go anyway!"), streamOf("I'm just an AI."));
    expect(await collect(conversation.say(alice))).toEqual([sentence("But let's go anyway!", { emotion: "happy" }), { type: "done", text: "But let's go anyway!", interrupted: false }]);
    expect(await collect(conversation.say(alice))).toEqual([
      sentence("Hm, never mind what I was about to say.", { emotion: "neutral" }),
      { type: "done", text: "Hm, never mind what I was about to say.", interrupted: false },
    ]);
    expect(problems.map((problem) => problem.kind)).toEqual(["persona_break", "persona_break"]);
  });

  it("keeps the persona whole when the history outgrows the budget", async () => {
    const { conversation } = startConversation({ budgetTokens: 900, maxTurns: 100 });
    for (let i = 0; i < 12; i++) {
      server.enqueue(streamOf(`Answer ${i}: ${"la ".repeat(60)}.`));
      await collect(conversation.say(utter(`Question ${i} ${"blah ".repeat(60)}`)));
    }
    const last = server.requests.at(-1)!.body.messages!;
    expect(last[0]!.content.startsWith(systemPrompt(defaultPersona()))).toBe(true);
    expect(last.length).toBeLessThan(24);
    expect(last.at(-1)!.content).toContain("Question 11");
  });

  it("holds memory's background writes from its recall until its first sentence is out", async () => {
    let holds = 0;
    let held = false;
    const { conversation } = startConversation({
      recall: {
        recall: async () => [],
        holdWrites: () => {
          holds++;
          held = true;
          return () => (held = false);
        },
      },
    });
    const waiting = gate();
    server.enqueue({ type: "stream", pieces: [{ pause: waiting.pause }, "First one here.", " Second one here."] });
    const events = conversation.say(alice);
    const first = events.next();
    // The model has the request and has not answered yet: the writes are still held.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    expect(held).toBe(true);
    waiting.open();
    expect((await first).value).toMatchObject({ type: "sentence", text: "First one here." });
    expect(held).toBe(false);
    await collect(events);
    expect(held).toBe(false);
    expect(holds).toBe(1);
  });

  it("puts recalled memories in the prompt, and answers without them when recall fails", async () => {
    const queries: string[] = [];
    let fail = false;
    const { conversation, problems } = startConversation({
      recall: {
        recall: async (query, context) => {
          queries.push(`${query}|${context.speakerId}`);
          if (fail) throw new Error("memory offline");
          return [{ text: "Alice loves lighthouses" }];
        },
      },
    });
    await collect(conversation.say(alice));
    expect(queries).toEqual(["Hi Wren!|user-alice"]);
    expect(server.requests[0]!.body.messages![0]!.content).toContain("- Alice loves lighthouses");
    fail = true;
    expect((await collect(conversation.say(alice))).at(-1)).toEqual({ type: "done", text: "Hello there.", interrupted: false });
    expect(problems).toEqual([{ kind: "recall", reason: "memory offline" }]);
  });

  it("applies an edited persona from the next reply", async () => {
    let persona = defaultPersona();
    const { conversation } = startConversation({ persona: () => persona });
    await collect(conversation.say(alice));
    persona = PersonaBlueprint.parse({ ...persona, name: "Juniper", version: 2 });
    await collect(conversation.say(alice));
    expect(server.requests[1]!.body.messages![0]!.content).toContain("You are Juniper");
  });

  it("a consumer that stops reading ends the reply and closes the connection", async () => {
    const { conversation } = startConversation();
    server.enqueue({ type: "stream", pieces: ["One here.", " Two here.", " Three here."], delayMs: 20, ending: "hang" });
    for await (const event of conversation.say(alice)) {
      expect(event).toEqual(sentence("One here."));
      break;
    }
    await server.requests[0]!.closed;
    expect(server.requests[0]!.closedEarly).toBe(true);
    expect(conversation.busy).toBe(false);
    expect(conversation.history.at(-1)).toEqual({ role: "companion", text: "One here.", interrupted: true });
  });
});
