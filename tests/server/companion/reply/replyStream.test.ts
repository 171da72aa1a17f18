import { describe, expect, it } from "vitest";
import { replyStream, type ReplyEvent } from "../../../../server/companion/reply";
import { asTokens, chunkings } from "./chunkings";

async function collect(tokens: AsyncIterable<string>, options?: Parameters<typeof replyStream>[1]): Promise<ReplyEvent[]> {
  const events: ReplyEvent[] = [];
  for await (const event of replyStream(tokens, options)) events.push(event);
  return events;
}

describe("replyStream", () => {
  const cases: [string, ReplyEvent[]][] = [
    [
      "[happy] Hello there! [wave] Nice to meet you, friend. How are you?",
      [
        { type: "sentence", text: "Hello there!", emotion: "happy", actions: [] },
        { type: "sentence", text: "Nice to meet you, friend.", actions: [{ name: "wave" }] },
        { type: "sentence", text: "How are you?", actions: [] },
        { type: "done", text: "Hello there! Nice to meet you, friend. How are you?", interrupted: false },
      ],
    ],
    [
      // Tags after the last sentence come as a final event without words: the sentence was already said.
      "Nice to meet you! [wave]",
      [
        { type: "sentence", text: "Nice to meet you!", actions: [] },
        { type: "sentence", text: "", actions: [{ name: "wave" }] },
        { type: "done", text: "Nice to meet you!", interrupted: false },
      ],
    ],
    [
      'She asked "Really?[nod]!" [happy] Yes [wave].',
      [
        { type: "sentence", text: 'She asked "Really?', actions: [] },
        { type: "sentence", text: "Yes.", emotion: "happy", actions: [{ name: "nod" }, { name: "wave" }] },
        { type: "done", text: 'She asked "Really? Yes.', interrupted: false },
      ],
    ],
    [
      "Look at that [point:the fountain] [surprised], it is glowing. [joy][nod] Wow.",
      [
        { type: "sentence", text: "Look at that, it is glowing.", emotion: "surprised", actions: [{ name: "point", target: "the fountain" }] },
        { type: "sentence", text: "Wow.", emotion: "happy", actions: [{ name: "nod" }] },
        { type: "done", text: "Look at that, it is glowing. Wow.", interrupted: false },
      ],
    ],
    [
      "[sad] Oh. [calm] But it is fine, really [citation needed].",
      [
        { type: "sentence", text: "Oh.", emotion: "sad", actions: [] },
        { type: "sentence", text: "But it is fine, really [citation needed].", emotion: "relaxed", actions: [] },
        { type: "done", text: "Oh. But it is fine, really [citation needed].", interrupted: false },
      ],
    ],
    [
      "[wave]",
      [
        { type: "sentence", text: "", actions: [{ name: "wave" }] },
        { type: "done", text: "", interrupted: false },
      ],
    ],
    ["", [{ type: "done", text: "", interrupted: false }]],
    [
      "[happy]こんにちは。[nod]元気？",
      [
        { type: "sentence", text: "こんにちは。", emotion: "happy", actions: [] },
        { type: "sentence", text: "元気？", actions: [{ name: "nod" }] },
        { type: "done", text: "こんにちは。元気？", interrupted: false },
      ],
    ],
  ];

  it.each(cases)("turns %j into the same events under every chunking", async (text, expected) => {
    for (const chunks of chunkings(text)) expect(await collect(asTokens(chunks)), JSON.stringify(chunks)).toEqual(expected);
  });

  it("releases a sentence with the token that ends it, without waiting for the next one", async () => {
    const seen: string[] = [];
    async function* tokens() {
      for (const token of ["[happy] Hi", " Ann!", " [wave]", " It is", " 3.", "5 degrees", ".", ")"]) {
        seen.push(token);
        yield token;
      }
    }
    const order: string[] = [];
    for await (const event of replyStream(tokens())) order.push(`${seen.length}:${event.type === "sentence" ? `${event.text}${event.actions.map((action) => `[${action.name}]`).join("")}` : "done"}`);
    expect(order).toEqual(["2:Hi Ann!", "7:It is 3.5 degrees.[wave]", "8:done"]);
  });

  it("releases each sentence before the stream ends", async () => {
    const seen: string[] = [];
    async function* tokens() {
      for (const token of ["Hello there, my dear friend", ". It", " is late", "."]) {
        seen.push(token);
        yield token;
      }
    }
    const order: string[] = [];
    for await (const event of replyStream(tokens())) order.push(`${seen.length}:${event.type === "sentence" ? event.text : "done"}`);
    expect(order).toEqual(["2:Hello there, my dear friend.", "4:It is late.", "4:done"]);
  });

  it("releases the first clause early", async () => {
    const tokens = asTokens(["Well, I think that", ", maybe", " we could go"]);
    const iterator = replyStream(tokens)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ type: "sentence", text: "Well, I think that,", actions: [] });
  });

  it("ends early on a failing stream: keeps complete sentences, drops the fragment and reports why", async () => {
    const failure = new Error("connection lost");
    async function* tokens() {
      yield "[happy] First one. Second";
      yield " is cut [wave]";
      throw failure;
    }
    const errors: unknown[] = [];
    expect(await collect(tokens(), { onError: (error) => errors.push(error) })).toEqual([
      { type: "sentence", text: "First one.", emotion: "happy", actions: [] },
      { type: "done", text: "First one.", interrupted: true },
    ]);
    expect(errors).toEqual([failure]);
  });

  it("says nothing more once aborted, and stops reading the tokens", async () => {
    const controller = new AbortController();
    let read = 0;
    let closed = false;
    async function* tokens() {
      try {
        for (const token of ["One is here. ", "Two is here. ", "Three. ", "Four. "]) {
          read++;
          yield token;
        }
      } finally {
        closed = true;
      }
    }
    const events: ReplyEvent[] = [];
    for await (const event of replyStream(tokens(), { signal: controller.signal })) {
      events.push(event);
      if (event.type === "sentence") controller.abort();
    }
    expect(events).toEqual([
      { type: "sentence", text: "One is here.", actions: [] },
      { type: "done", text: "One is here.", interrupted: true },
    ]);
    // The first sentence was complete with the first token.
    expect(read).toBe(1);
    expect(closed).toBe(true);
  });
});
