import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createHttpApp } from "../../../../server/http";
import { createLogger } from "../../../../server/logging";
import type { ModelProgressEvent } from "../../../../server/models";
import { createSpeechRecognizer, type SpeechRecognizer, type WhisperLoader } from "../../../../server/speech";
import type { SpeechStatus } from "../../../../shared/speech";
import { writeTinyWhisperModel } from "../../../support/tinyWhisperModel";
import { httpAppHarness } from "../httpAppHarness";

const harness = httpAppHarness();
const logger = createLogger("silent");
const recognizers: SpeechRecognizer[] = [];
const recognizer = (model: string, loader?: WhisperLoader) => {
  const started = createSpeechRecognizer({ model, dataDir: harness.dataDir, logger, ...(loader && { loader }) });
  recognizers.push(started);
  return started;
};
const kokoroDownloading: SpeechStatus["tts"] = { engine: "formant", downloading: { file: "onnx/model_quantized.onnx", progress: 0.5 } };

async function status(speech?: { tts: () => SpeechStatus["tts"]; asr: () => SpeechStatus["asr"] }): Promise<unknown> {
  const app = createHttpApp({ ...harness.deps, ...(speech && { speechStatus: speech }) });
  // Public, like /api/llm/status: no session needed.
  const response = await app.request("/api/speech/status");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return response.json();
}

afterAll(async () => {
  await Promise.all(recognizers.map((r) => r.dispose()));
});

describe("GET /api/speech/status", () => {
  it("says neither speaks nor listens on a server started without speech", async () => {
    expect(await status()).toEqual({ tts: { engine: "none" }, asr: { available: false, reason: "speech recognition is not set up on this server; type instead" } });
  });

  it("reports speech recognition switched off, with the voice that speaks", async () => {
    const off = recognizer("none");
    expect(await status({ tts: () => ({ engine: "kokoro" }), asr: () => off.status() })).toEqual({
      tts: { engine: "kokoro" },
      asr: { available: false, reason: "speech recognition is off on this server (KINDRED_ASR_MODEL=none); type instead" },
    });
  });

  it("reports both downloads while they run", async () => {
    let report!: (event: ModelProgressEvent) => void;
    const downloading = recognizer("onnx-community/whisper-base", ({ onProgress }) => {
      report = onProgress!;
      return new Promise(() => {});
    });
    const file = "onnx/decoder_model_merged_quantized.onnx";
    report({ status: "download", file });
    report({ status: "progress", file, progress: 25, loaded: 25, total: 100 });
    expect(await status({ tts: () => kokoroDownloading, asr: () => downloading.status() })).toEqual({
      tts: kokoroDownloading,
      asr: { available: false, reason: "speech recognition is downloading its model (25%)", downloading: { file, progress: 0.25 } },
    });
  });

  it("reports a missing model directory with its path", async () => {
    const missing = path.join(harness.dataDir, "no-whisper-here");
    const broken = recognizer(missing);
    await vi.waitFor(() => expect(broken.status().available === false && broken.status().reason?.includes("does not exist")).toBe(true), { timeout: 30_000, interval: 50 });
    expect(await status({ tts: () => ({ engine: "formant" }), asr: () => broken.status() })).toEqual({
      tts: { engine: "formant" },
      asr: { available: false, reason: `speech recognition is unavailable (model directory ${missing} does not exist); type instead` },
    });
  }, 60_000);

  it("reports speech recognition ready once the model has loaded", async () => {
    const ready = recognizer(writeTinyWhisperModel(path.join(harness.dataDir, "tiny-whisper")));
    await vi.waitFor(() => expect(ready.status().available).toBe(true), { timeout: 60_000, interval: 50 });
    expect(await status({ tts: () => ({ engine: "kokoro" }), asr: () => ready.status() })).toEqual({ tts: { engine: "kokoro" }, asr: { available: true } });
  }, 90_000);
});
