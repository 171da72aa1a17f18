import { execFileSync } from "node:child_process";
import path from "node:path";
import { env } from "@huggingface/transformers";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../../../server/logging";
import type { ModelProgressEvent } from "../../../../server/models";
import { createSpeechRecognizer, SpeechUnavailableError, type SpeechRecognizer, type WhisperLoader, type WhisperModel } from "../../../../server/speech";
import { loadWhisper } from "../../../../server/speech/asr/whisperModel";
import { makeTempDir } from "../../support/tempDir";
import { writeTinyWhisperModel } from "../../../support/tinyWhisperModel";

const RATE = 16_000;
const logger = createLogger("silent");
const temp = makeTempDir("kindred-asr-states-");
const dataDir = path.join(temp.path, "data");
const tone = Float32Array.from({ length: RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 220 * i) / RATE));
const started: SpeechRecognizer[] = [];
const start = (options: Omit<Parameters<typeof createSpeechRecognizer>[0], "dataDir" | "logger">) => {
  const recognizer = createSpeechRecognizer({ dataDir, logger, ...options });
  started.push(recognizer);
  return recognizer;
};

/** A loader held pending, as a download in progress is: the test reports progress and finishes it. */
function heldLoader() {
  const held = { report: (_event: ModelProgressEvent) => {}, finish: (_model: WhisperModel) => {}, fail: (_error: Error) => {}, signal: undefined as AbortSignal | undefined, cacheDir: "" };
  const loader: WhisperLoader = ({ onProgress, signal, cacheDir }) => {
    held.report = onProgress!;
    held.signal = signal;
    held.cacheDir = cacheDir;
    return new Promise((resolve, reject) => {
      held.finish = resolve;
      held.fail = reject;
    });
  };
  return { held, loader };
}

afterAll(async () => {
  await Promise.all(started.map((recognizer) => recognizer.dispose()));
  temp.remove();
});

describe("speech recognition before and without a model", () => {
  it("is off with KINDRED_ASR_MODEL=none, and says so to the speaker", async () => {
    const loader = vi.fn<WhisperLoader>();
    const recognizer = start({ model: "none", loader });
    const reason = "speech recognition is off on this server (KINDRED_ASR_MODEL=none); type instead";
    expect(recognizer.status()).toEqual({ available: false, reason });
    await expect(recognizer.transcribe(tone, RATE, "en")).rejects.toThrow(new SpeechUnavailableError(reason));
    expect(loader).not.toHaveBeenCalled();
  });

  it("is unavailable, naming the path, when the configured model directory is missing", async () => {
    const missing = path.join(temp.path, "no-such-whisper");
    const recognizer = start({ model: missing });
    const reason = `speech recognition is unavailable (model directory ${missing} does not exist); type instead`;
    await vi.waitFor(() => expect(recognizer.status()).toEqual({ available: false, reason }), { timeout: 30_000, interval: 50 });
    await expect(recognizer.transcribe(tone, RATE, "en")).rejects.toThrow(new SpeechUnavailableError(reason));
  }, 60_000);

  it("is unavailable with the reason when the model cannot be downloaded (offline)", async () => {
    const remoteHost = env.remoteHost;
    // Nothing listens on port 9 (discard): every fetch is refused at once, as on a machine without network.
    env.remoteHost = "http://127.0.0.1:9/";
    try {
      const recognizer = start({ model: "test-org/whisper-offline", loader: loadWhisper });
      await vi.waitFor(() => expect(recognizer.status().reason).toMatch(/^speech recognition is unavailable \(could not fetch the model test-org\/whisper-offline into .*whisper-offline: .+\); type instead$/), { timeout: 20_000, interval: 50 });
      expect(recognizer.status().available).toBe(false);
      await expect(recognizer.transcribe(tone, RATE, "en")).rejects.toThrow(SpeechUnavailableError);
    } finally {
      env.remoteHost = remoteHost;
    }
  });

  it("loads in the background from server start, shows the download, then transcribes", async () => {
    const { held, loader } = heldLoader();
    const seen: ModelProgressEvent[] = [];
    const recognizer = start({ model: "onnx-community/whisper-base", loader, onProgress: (event) => seen.push(event) });
    expect(held.cacheDir).toBe(path.join(dataDir, "models"));
    expect(recognizer.status()).toEqual({ available: false, reason: "speech recognition is loading its model" });

    const file = "onnx/encoder_model_quantized.onnx";
    held.report({ status: "initiate", file });
    held.report({ status: "download", file });
    held.report({ status: "progress", file, progress: 42.7, loaded: 8_540_000, total: 20_000_000 });
    const downloading = { available: false, reason: "speech recognition is downloading its model (42%)", downloading: { file, progress: expect.closeTo(0.427, 6) } };
    expect(recognizer.status()).toEqual(downloading);
    await expect(recognizer.transcribe(tone, RATE, "en")).rejects.toThrow(new SpeechUnavailableError(downloading.reason));
    expect(seen.map((event) => event.status)).toEqual(["initiate", "download", "progress"]);

    held.report({ status: "done", file });
    expect(recognizer.status()).toEqual({ available: false, reason: "speech recognition is loading its model" });
    held.finish(await loadWhisper({ model: writeTinyWhisperModel(path.join(temp.path, "tiny-whisper")), cacheDir: path.join(dataDir, "models") }));
    await vi.waitFor(() => expect(recognizer.status()).toEqual({ available: true }));
    expect(await recognizer.transcribe(tone, RATE, "fr")).toBe("bonjour monde");
  });

  it("loads the model again when its process crashes after it worked", async () => {
    const recognizer = start({ model: writeTinyWhisperModel(path.join(temp.path, "crashing-whisper")) });
    await vi.waitFor(() => expect(recognizer.status()).toEqual({ available: true }), { timeout: 50_000, interval: 50 });
    const whisperProcess = () => execFileSync("pgrep", ["-P", String(process.pid), "-f", "whisperProcess.ts"], { encoding: "utf8" }).trim();
    const crashed = whisperProcess();
    const inFlight = recognizer.transcribe(tone, RATE, "en");
    process.kill(Number(crashed), "SIGKILL");
    await expect(inFlight).rejects.toThrow(new SpeechUnavailableError("speech recognition stopped (the Whisper process ended (SIGKILL)); try again in a moment"));
    await vi.waitFor(() => expect(recognizer.status().available).toBe(false), { timeout: 10_000, interval: 10 });
    await vi.waitFor(() => expect(recognizer.status()).toEqual({ available: true }), { timeout: 50_000, interval: 50 });
    expect(whisperProcess()).not.toBe(crashed);
    expect(await recognizer.transcribe(tone, RATE, "de")).toBe("hallo welt");
  }, 120_000);

  it("stops a download in flight when it shuts down", async () => {
    const { held, loader } = heldLoader();
    const recognizer = start({ model: "onnx-community/whisper-base", loader });
    expect(held.signal?.aborted).toBe(false);
    await recognizer.dispose();
    expect(held.signal?.aborted).toBe(true);
    held.fail(new Error("aborted"));
    await expect(recognizer.transcribe(tone, RATE, "en")).rejects.toThrow(new SpeechUnavailableError("speech recognition was shut down"));
  });
});
