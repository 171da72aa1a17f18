import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGenerationQueue } from "../../../../server/llm/generationQueue";
import { canGenerateJson, isProviderError, type ChatTurn, type LanguageModel } from "../../../../server/llm";
import { createLocalProvider, LocalModelHost } from "../../../../server/llm/local";
import { writeTinyGguf } from "../../../support/tinyGguf";

/**
 * The real node-llama-cpp path (load, chat template, sampling, grammar) on a tiny random-weight
 * GGUF the test writes itself. One CPU thread: the machines running tests are shared.
 */
let dir: string;
let host: LocalModelHost;
const messages: ChatTurn[] = [
  { role: "system", content: "You are Wren, a calm companion." },
  { role: "user", content: "hello there" },
];
const neverAborted = () => new AbortController().signal;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kindred-local-llm-"));
  const modelPath = writeTinyGguf(path.join(dir, "tiny.gguf"), { contextLength: 2048 });
  host = new LocalModelHost({ source: { kind: "file", path: modelPath }, sequences: 2, maxThreads: 1 });
  await host.start();
}, 120_000);

afterAll(async () => {
  await host?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function collect(model: LanguageModel, maxTokens: number, signal = neverAborted(), prompt = messages): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of model.stream({ messages: prompt, maxTokens, temperature: 0, signal })) pieces.push(piece);
  return pieces;
}

describe("local provider (node-llama-cpp, tiny GGUF)", () => {
  it("reports the model ready once loaded", () => {
    expect(host.status.current).toEqual({ state: "ready", progress: 1 });
  });

  it("streams text pieces of the model's reply", async () => {
    const provider = createLocalProvider({ host, queue: createGenerationQueue() });
    const pieces = await collect(provider, 12);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("").trim()).not.toBe("");
  });

  it("stops at maxTokens: a shorter budget gives a strict prefix of the longer reply", async () => {
    const provider = createLocalProvider({ host, queue: createGenerationQueue() });
    const short = (await collect(provider, 4)).join("");
    const long = (await collect(provider, 24)).join("");
    expect(long.startsWith(short)).toBe(true);
    expect(long.length).toBeGreaterThan(short.length);
  });

  it("ends with an aborted ProviderError when the signal aborts mid-reply, and frees its slot", async () => {
    const queue = createGenerationQueue({ concurrency: 2 });
    const provider = createLocalProvider({ host, queue });
    const controller = new AbortController();
    const stream = provider.stream({ messages, maxTokens: 200, temperature: 0, signal: controller.signal })[Symbol.asyncIterator]();
    expect((await stream.next()).done).toBe(false);
    controller.abort();
    const error = await stream.next().catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe("aborted");
    expect(queue.running).toBe(0);
    // Its context sequence went back too: both sequences can serve generations at once again.
    const [a, b] = await Promise.all([collect(provider, 3), collect(provider, 3)]);
    expect(a.join("")).not.toBe("");
    expect(b.join("")).not.toBe("");
  });

  it("refuses an already aborted request before generating", async () => {
    const provider = createLocalProvider({ host, queue: createGenerationQueue() });
    const controller = new AbortController();
    controller.abort();
    const error = await collect(provider, 5, controller.signal).catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe("aborted");
  });

  it("is busy beyond its queue while the model is taken, and serves again afterwards", async () => {
    const queue = createGenerationQueue({ concurrency: 1, maxWaiting: 0 });
    const provider = createLocalProvider({ host, queue });
    const first = provider.stream({ messages, maxTokens: 50, temperature: 0, signal: neverAborted() })[Symbol.asyncIterator]();
    await first.next();
    const refused = await collect(provider, 3).catch((e: unknown) => e);
    expect(isProviderError(refused) && refused.kind).toBe("busy");
    await first.return?.(undefined);
    expect(queue.running).toBe(0);
    expect((await collect(provider, 3)).join("")).not.toBe("");
  });

  it("keeps each context sequence warm: a follow-up turn evaluates only what is new", async () => {
    const provider = createLocalProvider({ host, queue: createGenerationQueue() });
    const chats = host.loaded!.chats;
    const persona: ChatTurn = { role: "system", content: "You are Wren, a calm companion who walks in the garden. ".repeat(12) };
    const first: ChatTurn[] = [persona, { role: "user", content: "hello there" }];
    const before = chats.evaluatedInputTokens;
    const reply = (await collect(provider, 4, neverAborted(), first)).join("");
    const firstCost = chats.evaluatedInputTokens - before;
    const followUp: ChatTurn[] = [...first, { role: "assistant", content: reply }, { role: "user", content: "and then?" }];
    const middle = chats.evaluatedInputTokens;
    await collect(provider, 4, neverAborted(), followUp);
    const followUpCost = chats.evaluatedInputTokens - middle;
    expect(firstCost).toBeGreaterThan(300);
    expect(followUpCost).toBeLessThan(firstCost / 4);
  });

  it("answers in JSON bound to a schema, which parses to the schema's shape", async () => {
    const provider = createLocalProvider({ host, queue: createGenerationQueue() });
    expect(canGenerateJson(provider)).toBe(true);
    const schema = {
      type: "object",
      properties: {
        mood: { enum: ["happy", "sad", "calm"] },
        awake: { type: "boolean" },
        topics: { type: "array", items: { enum: ["garden", "sun", "walk"] }, maxItems: 3 },
      },
      required: ["mood", "awake", "topics"],
    } as const;
    for (const temperature of [0, 0.9]) {
      const result = await provider.generateJson(schema, { messages, maxTokens: 120, temperature, signal: neverAborted() });
      expect(["happy", "sad", "calm"]).toContain(result.mood);
      expect(typeof result.awake).toBe("boolean");
      expect(Array.isArray(result.topics)).toBe(true);
      for (const topic of result.topics) expect(["garden", "sun", "walk"]).toContain(topic);
      expect(Object.keys(result).sort()).toEqual(["awake", "mood", "topics"]);
    }
  });

  it("says the JSON was cut off when maxTokens ends it early", async () => {
    const provider = createLocalProvider({ host, queue: createGenerationQueue() });
    const schema = { type: "object", properties: { mood: { enum: ["happy", "sad"] } }, required: ["mood"] } as const;
    const error = await provider.generateJson(schema, { messages, maxTokens: 2, signal: neverAborted() }).catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe("malformed");
  });
});

describe("local provider before its model is ready", () => {
  it("refuses as loading, saying how far the model is", async () => {
    const waiting = new LocalModelHost({ source: { kind: "file", path: path.join(tmpdir(), "kindred-never-started.gguf") } });
    const provider = createLocalProvider({ host: waiting, queue: createGenerationQueue() });
    const error = await collect(provider, 3).catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe("loading");
    expect((error as Error).message).toMatch(/not ready yet: waiting to start/);
  });

  it("reports a model file that cannot be found as a failure with its path, on the board and to callers", async () => {
    const missing = path.join(tmpdir(), "kindred-missing-model.gguf");
    const broken = new LocalModelHost({ source: { kind: "file", path: missing } });
    await expect(broken.start()).rejects.toThrow(/does not exist/);
    expect(broken.status.current).toMatchObject({ state: "failed", error: expect.stringContaining(missing) });
    const provider = createLocalProvider({ host: broken, queue: createGenerationQueue() });
    const error = await collect(provider, 3).catch((e: unknown) => e);
    expect(isProviderError(error) && error.kind).toBe("unreachable");
    expect((error as Error).message).toContain(missing);
  });

  it("refuses to load a file that is not a GGUF model", async () => {
    const notAModel = path.join(dir, "not-a-model.gguf");
    (await import("node:fs")).writeFileSync(notAModel, "this is not a model");
    const broken = new LocalModelHost({ source: { kind: "file", path: notAModel }, maxThreads: 1 });
    await expect(broken.start()).rejects.toThrow();
    expect(broken.status.current.state).toBe("failed");
    await broken.dispose();
  });
});
