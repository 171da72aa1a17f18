import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp } from "../../../server/http";
import { languageModelStatus, selectLanguageModel, type LanguageModelChoice } from "../../../server/llm";
import { LlmStatus } from "../../../shared/llm";
import { writeTinyGguf } from "../../support/tinyGguf";
import { httpAppHarness } from "./httpAppHarness";

const harness = httpAppHarness();
let dir: string;
let local: Extract<LanguageModelChoice, { source: "local" }>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kindred-llm-status-"));
  const modelPath = writeTinyGguf(path.join(dir, "tiny.gguf"));
  const choice = await selectLanguageModel({ mode: "local", ollamaUrl: "http://127.0.0.1:9", local: { model: modelPath, modelsDir: dir, maxThreads: 1 } });
  if (choice.source !== "local") throw new Error(`expected the local model, got ${choice.description}`);
  local = choice;
});

afterAll(async () => {
  await local?.host.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function status(choice?: LanguageModelChoice): Promise<unknown> {
  const app = createHttpApp({ ...harness.deps, ...(choice && { llmStatus: () => languageModelStatus(choice) }) });
  const response = await app.request("/api/llm/status");
  expect(response.status).toBe(200);
  const body: unknown = await response.json();
  // The client parses it with the shared schema: whatever the server sends must pass.
  expect(LlmStatus.safeParse(body).success).toBe(true);
  return body;
}

describe("GET /api/llm/status", () => {
  it("reports none when the server has no language model", async () => {
    expect(await status()).toEqual({ provider: "none", state: "none", progress: 0 });
    expect(await status({ model: undefined, source: "none", description: "KINDRED_LLM is none" })).toEqual({ provider: "none", state: "none", progress: 0 });
  });

  it("reports a remote model as ready, without its address", async () => {
    const endpoint = await selectLanguageModel({ mode: "openai", baseUrl: "http://10.1.2.3:8000/v1", model: "m", ollamaUrl: "http://127.0.0.1:9" });
    expect(await status(endpoint)).toEqual({ provider: "endpoint", state: "ready", progress: 1 });
  });

  it("follows the embedded model from waiting through a download to ready", async () => {
    expect(await status(local)).toEqual({ provider: "local", state: "waiting", progress: 0 });
    local.host.status.downloading(250, 1000);
    expect(await status(local)).toEqual({ provider: "local", state: "downloading", progress: 0.25, downloadedBytes: 250, totalBytes: 1000 });
    await local.host.start();
    expect(await status(local)).toEqual({ provider: "local", state: "ready", progress: 1 });
  });

  it("does not leak a failure's reason (it may hold paths) to visitors", async () => {
    local.host.status.set({ state: "failed", progress: 0.5, error: "/secret/path/model.gguf is gone" });
    expect(await status(local)).toEqual({ provider: "local", state: "failed", progress: 0.5 });
  });
});
