import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateText, selectLanguageModel, type LanguageModelSettings } from "../../../server/llm";
import { startScriptedLlmServer, streamOf, type ScriptedLlmServer } from "../../support/scriptedLlmServer";
import { writeTinyGguf } from "../../support/tinyGguf";
import { freePort } from "../support/freePort";

/**
 * A stand-in for Ollama: GET /api/tags lists `models`, and its OpenAI-compatible API under /v1 is
 * forwarded to the scripted server, so a chosen model can be made to answer.
 */
async function startFakeOllama(llm: ScriptedLlmServer, models: string[]): Promise<{ url: string; tagRequests: number; close(): Promise<void> }> {
  const state = { tagRequests: 0 };
  const server = http.createServer((req, res) => {
    if (req.url === "/api/tags") {
      state.tagRequests++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ models: models.map((name) => ({ name, model: name, size: 1 })) }));
      return;
    }
    const target = new URL(req.url ?? "/", llm.baseURL.replace(/\/v1$/, ""));
    req.pipe(http.request(target, { method: req.method, headers: req.headers }, (upstream) => {
      res.writeHead(upstream.statusCode ?? 502, upstream.headers);
      upstream.pipe(res);
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get tagRequests() {
      return state.tagRequests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let llm: ScriptedLlmServer;
let closedPort: string;
let dir: string;
beforeAll(async () => {
  llm = await startScriptedLlmServer("listed-model");
  closedPort = `http://127.0.0.1:${await freePort()}`;
  dir = mkdtempSync(path.join(tmpdir(), "kindred-llm-selection-"));
});
afterAll(async () => {
  await llm.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => llm.reset());

const settings = (overrides: Partial<LanguageModelSettings>): LanguageModelSettings => ({ mode: "auto", ollamaUrl: closedPort, ...overrides });
const ask = (model: NonNullable<Awaited<ReturnType<typeof selectLanguageModel>>["model"]>) =>
  generateText(model, { messages: [{ role: "user", content: "hi" }], signal: new AbortController().signal });

describe("selectLanguageModel", () => {
  it("none: no model, whatever else is configured", async () => {
    const choice = await selectLanguageModel(settings({ mode: "none", baseUrl: llm.baseURL }));
    expect(choice).toEqual({ model: undefined, source: "none", description: "KINDRED_LLM is none" });
  });

  it("auto: the configured endpoint and model come first", async () => {
    const ollama = await startFakeOllama(llm, ["llama3.2:latest"]);
    try {
      const choice = await selectLanguageModel(settings({ baseUrl: llm.baseURL, model: "chosen-model", ollamaUrl: ollama.url }));
      expect(choice).toMatchObject({ source: "endpoint", description: `chosen-model at ${llm.baseURL}` });
      llm.enqueue(streamOf("From the endpoint."));
      expect(await ask(choice.model!)).toEqual({ ok: true, text: "From the endpoint." });
      expect(llm.requests[0]!.body.model).toBe("chosen-model");
      expect(ollama.tagRequests).toBe(0);
    } finally {
      await ollama.close();
    }
  });

  it("an endpoint without a model name uses the first model it lists", async () => {
    const choice = await selectLanguageModel(settings({ mode: "openai", baseUrl: llm.baseURL, apiKey: "sk-test" }));
    expect(choice).toMatchObject({ source: "endpoint", description: `listed-model at ${llm.baseURL}` });
    await ask(choice.model!);
    expect(llm.requests[0]!.body.model).toBe("listed-model");
    expect(llm.requests[0]!.headers.authorization).toBe("Bearer sk-test");
  });

  it("an endpoint that cannot name a model gives none, saying to set KINDRED_LLM_MODEL", async () => {
    const choice = await selectLanguageModel(settings({ mode: "openai", baseUrl: `${closedPort}/v1` }));
    expect(choice).toMatchObject({ model: undefined, source: "none", description: expect.stringMatching(/KINDRED_LLM_MODEL is not set and .*\/models gave no model/) });
  });

  it("auto: Ollama when it answers, with its first model, through its OpenAI-compatible API", async () => {
    const ollama = await startFakeOllama(llm, ["qwen2.5:3b", "llama3.2:latest"]);
    try {
      const choice = await selectLanguageModel(settings({ ollamaUrl: ollama.url }));
      expect(choice).toMatchObject({ source: "ollama", description: `qwen2.5:3b in Ollama at ${ollama.url}` });
      llm.enqueue(streamOf("From Ollama."));
      expect(await ask(choice.model!)).toEqual({ ok: true, text: "From Ollama." });
      expect(llm.requests[0]!.body.model).toBe("qwen2.5:3b");
    } finally {
      await ollama.close();
    }
  });

  it("auto: KINDRED_LLM_MODEL picks the Ollama model", async () => {
    const ollama = await startFakeOllama(llm, ["qwen2.5:3b", "llama3.2:latest"]);
    try {
      expect(await selectLanguageModel(settings({ ollamaUrl: ollama.url, model: "llama3.2:latest" }))).toMatchObject({ source: "ollama", description: expect.stringMatching(/^llama3\.2:latest in Ollama/) });
    } finally {
      await ollama.close();
    }
  });

  it("auto: an Ollama without models gives none, saying how to pull one", async () => {
    const ollama = await startFakeOllama(llm, []);
    try {
      expect(await selectLanguageModel(settings({ ollamaUrl: ollama.url }))).toMatchObject({ model: undefined, source: "none", description: expect.stringMatching(/has no models yet \(try: ollama pull/) });
    } finally {
      await ollama.close();
    }
  });

  it("auto: nothing configured and no Ollama gives none, saying where it looked", async () => {
    const choice = await selectLanguageModel(settings({}));
    expect(choice).toMatchObject({ model: undefined, source: "none", description: expect.stringContaining(`no Ollama at ${closedPort}`) });
  });
});

describe("selectLanguageModel with the embedded model", () => {
  const modelsDir = () => path.join(dir, "models");
  const local = (model: string) => ({ model, modelsDir: modelsDir(), maxThreads: 1 });

  it("auto: with no endpoint and no Ollama, the default model, to be downloaded once started (not before)", async () => {
    const choice = await selectLanguageModel(settings({ local: local("default") }));
    expect(choice).toMatchObject({ source: "local", description: expect.stringMatching(/qwen2\.5-1\.5b-instruct-q4_k_m\.gguf .*downloads on first start/) });
    expect(choice.source === "local" && choice.host.status.current.state).toBe("waiting");
    expect(existsSync(modelsDir()) ? readdirSync(modelsDir()) : []).toEqual([]);
  });

  it("auto: a model file on disk is used, and answers once its host has started", async () => {
    const file = writeTinyGguf(path.join(dir, "tiny.gguf"));
    const choice = await selectLanguageModel(settings({ local: local(file) }));
    expect(choice).toMatchObject({ source: "local", description: `embedded model ${file}, on disk` });
    if (choice.source !== "local") throw new Error("expected the local model");
    try {
      const early = await ask(choice.model);
      expect(early).toMatchObject({ ok: false, kind: "loading" });
      await choice.host.start();
      const answer = await generateText(choice.model, { messages: [{ role: "user", content: "hi" }], maxTokens: 6, temperature: 0, signal: new AbortController().signal });
      expect(answer.ok && answer.text.trim()).not.toBe("");
    } finally {
      await choice.host.dispose();
    }
  });

  it("auto: Ollama with a model comes before the embedded model", async () => {
    const ollama = await startFakeOllama(llm, ["qwen2.5:3b"]);
    try {
      expect(await selectLanguageModel(settings({ ollamaUrl: ollama.url, local: local("default") }))).toMatchObject({ source: "ollama" });
    } finally {
      await ollama.close();
    }
  });

  it("auto: an Ollama without models falls through to the embedded model", async () => {
    const ollama = await startFakeOllama(llm, []);
    try {
      expect(await selectLanguageModel(settings({ ollamaUrl: ollama.url, local: local("default") }))).toMatchObject({ source: "local" });
    } finally {
      await ollama.close();
    }
  });

  it("auto: with KINDRED_LOCAL_MODEL=none and nothing else, none, naming every place it looked", async () => {
    const choice = await selectLanguageModel(settings({ local: local("none") }));
    expect(choice).toMatchObject({ model: undefined, source: "none" });
    expect(choice.description).toContain(`no Ollama at ${closedPort}`);
    expect(choice.description).toContain("KINDRED_LOCAL_MODEL is none");
  });

  it("a configured model path that does not exist gives none, naming the path", async () => {
    const missing = path.join(dir, "missing.gguf");
    expect(await selectLanguageModel(settings({ local: local(missing) }))).toMatchObject({ source: "none", description: expect.stringContaining(`KINDRED_LOCAL_MODEL is ${missing}, which does not exist`) });
  });

  it("local: the embedded model even when an endpoint is configured, and none when it is off", async () => {
    const chosen = await selectLanguageModel(settings({ mode: "local", baseUrl: llm.baseURL, local: local("default") }));
    expect(chosen).toMatchObject({ source: "local" });
    expect(llm.requests).toHaveLength(0);
    expect(await selectLanguageModel(settings({ mode: "local", local: local("none") }))).toMatchObject({ source: "none" });
  });
});
