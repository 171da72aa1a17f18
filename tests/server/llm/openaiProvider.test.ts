import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createOpenAIProvider, generateText, ProviderError, type LanguageModel, type ProviderErrorKind } from "../../../server/llm";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer } from "../../support/scriptedLlmServer";

let server: ScriptedLlmServer;
let model: LanguageModel;

beforeAll(async () => {
  server = await startScriptedLlmServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  model = createOpenAIProvider({ baseURL: server.baseURL, model: server.model, connectTimeoutMs: 2_000, idleTimeoutMs: 300 });
});

const messages = [
  { role: "system" as const, content: "You are Wren." },
  { role: "user" as const, content: "hi" },
];

async function collect(signal = new AbortController().signal, target = model): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of target.stream({ messages, signal, maxTokens: 64, temperature: 0.7 })) pieces.push(piece);
  return pieces;
}

async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("openai provider", () => {
  it("streams the scripted tokens in order and sends the prompt and options", async () => {
    server.enqueue({ type: "stream", pieces: ["Hel", "lo ", "there", "."], delayMs: 5 });
    expect(await collect()).toEqual(["Hel", "lo ", "there", "."]);
    const [request] = server.requests;
    expect(request?.body).toMatchObject({ model: server.model, stream: true, messages, max_tokens: 64, temperature: 0.7 });
    expect(model.id).toBe(`openai:${server.model}@${server.baseURL}`);
  });

  it("yields the first token before the stream ends", async () => {
    let release!: () => void;
    const pause = new Promise<void>((resolve) => (release = resolve));
    server.enqueue({ type: "stream", pieces: ["first ", { pause }, "second"] });
    const iterator = model.stream({ messages, signal: new AbortController().signal })[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: "first " });
    expect(server.requests[0]?.completed).toBe(false);
    release();
    expect(await iterator.next()).toEqual({ done: false, value: "second" });
    expect((await iterator.next()).done).toBe(true);
  });

  const failures: [string, Parameters<ScriptedLlmServer["enqueue"]>[0], ProviderErrorKind][] = [
    ["an HTTP 500", { type: "status", status: 500 }, "http"],
    ["an HTTP 401", { type: "status", status: 401, body: { error: { message: "bad key" } } }, "http"],
    ["a server that never answers", { type: "hang" }, "timeout"],
    ["a stream that goes silent", streamOf("Hello ", { ending: "hang" }), "timeout"],
    ["a stream cut off without finishing", streamOf("Hello ", { ending: "truncate" }), "malformed"],
    ["an unparsable chunk", streamOf("Hello ", { ending: "malformed" }), "malformed"],
    ["an error chunk mid-stream", streamOf("Hello ", { ending: "error-chunk" }), "http"],
    ["a reset connection", streamOf("Hello ", { ending: "reset" }), "malformed"],
  ];
  it.each(failures)("reports %s as a ProviderError", async (_name, response, kind) => {
    const quick = createOpenAIProvider({ baseURL: server.baseURL, model: server.model, connectTimeoutMs: 300, idleTimeoutMs: 300 });
    server.enqueue(response);
    const error = await failureOf(collect(undefined, quick));
    expect(error.kind).toBe(kind);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it("keeps the HTTP status on http errors", async () => {
    server.enqueue({ type: "status", status: 503 });
    expect((await failureOf(collect())).details.status).toBe(503);
  });

  it("reports an unreachable server", async () => {
    const closed = await startScriptedLlmServer();
    await closed.close();
    const orphan = createOpenAIProvider({ baseURL: closed.baseURL, model: "m" });
    expect((await failureOf(collect(undefined, orphan))).kind).toBe("unreachable");
  });

  it("aborts mid-stream: throws 'aborted' and the server sees the connection close", async () => {
    server.enqueue({ type: "stream", pieces: ["one ", "two ", "three ", "four "], delayMs: 50 });
    const controller = new AbortController();
    const pieces: string[] = [];
    const error = await failureOf(
      (async () => {
        for await (const piece of model.stream({ messages, signal: controller.signal })) {
          pieces.push(piece);
          controller.abort();
        }
      })(),
    );
    expect(error.kind).toBe("aborted");
    expect(pieces).toEqual(["one "]);
    await server.requests[0]?.closed;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });

  it("aborts before the response starts", async () => {
    server.enqueue({ type: "hang" });
    const controller = new AbortController();
    const pending = collect(controller.signal);
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect((await failureOf(pending)).kind).toBe("aborted");
  });

  it("refuses an already aborted signal without a request", async () => {
    expect((await failureOf(collect(AbortSignal.abort()))).kind).toBe("aborted");
    expect(server.requests).toHaveLength(0);
  });

  it("closes the connection when the consumer stops reading", async () => {
    server.enqueue({ type: "stream", pieces: ["a ", "b ", "c "], delayMs: 30, ending: "hang" });
    for await (const piece of model.stream({ messages, signal: new AbortController().signal })) {
      expect(piece).toBe("a ");
      break;
    }
    await server.requests[0]?.closed;
    expect(server.requests[0]?.closedEarly).toBe(true);
  });
});

describe("generateText", () => {
  it("returns the whole text", async () => {
    server.enqueue(streamOf("All is well."));
    expect(await generateText(model, { messages, signal: new AbortController().signal })).toEqual({ ok: true, text: "All is well." });
  });

  it("turns a failure into a reason and keeps the partial text, without throwing", async () => {
    server.enqueue(streamOf("Half a ", { ending: "truncate" }));
    const outcome = await generateText(model, { messages, signal: new AbortController().signal });
    expect(outcome).toMatchObject({ ok: false, text: "Half a ", kind: "malformed" });
  });

  it("describes a non-provider error as unknown", async () => {
    const broken: LanguageModel = {
      id: "broken",
      // eslint-disable-next-line require-yield
      async *stream() {
        throw new TypeError("boom");
      },
    };
    expect(await generateText(broken, { messages, signal: new AbortController().signal })).toEqual({ ok: false, text: "", kind: "unknown", reason: "boom" });
  });
});

describe("scripted server", () => {
  it("lists its model like an OpenAI-compatible server", async () => {
    const response = await fetch(`${server.baseURL}/models`);
    expect(await response.json()).toMatchObject({ object: "list", data: [{ id: server.model, object: "model" }] });
  });
});
