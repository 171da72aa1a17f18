import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { markDownloadComplete } from "../../../../server/models/modelCache";
import { kokoroModelFiles } from "../../../../server/speech/tts/kokoro";
import { selectTtsEngine, type SelectedTtsEngine, type TtsSettings } from "../../../../server/speech/tts";
import type { ModelProgressEvent } from "../../../../server/models";
import { SAMPLE_RATE as TINY_KOKORO_RATE, writeTinyKokoroModel } from "../../../support/tinyKokoroModel";

const MODEL_ID = "kindred-tests/tiny-kokoro";
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kindred-tts-select-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function settings(ttsEngine: TtsSettings["ttsEngine"], dir: string, ttsModel = MODEL_ID): TtsSettings {
  return { ttsEngine, ttsModel, ttsDtype: "q8", dataDir: dir };
}

/** A pino logger whose lines the test reads. */
function recordingLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)).msg as string);
      done();
    },
  });
  return { log: pino({ level: "info" }, stream), lines };
}

async function select(config: TtsSettings, options: { modelHost?: string; onProgress?: (event: ModelProgressEvent) => void } = {}) {
  const { log, lines } = recordingLog();
  const engine = await selectTtsEngine(config, { log, ...options });
  if (engine) cleanups.push(() => engine.dispose());
  return { engine, lines };
}

async function speakOnce(engine: SelectedTtsEngine, text = "Hello there.") {
  const stream = engine.speak({ voice: "af_heart", speed: 1, language: "en" });
  stream.push(text);
  stream.close();
  const sentences = [];
  for await (const sentence of stream) sentences.push(sentence);
  return sentences;
}

/** Serves model directories the way the Hugging Face Hub does: /<owner>/<name>/resolve/main/<file>. */
async function modelHost(models: Record<string, string>): Promise<string> {
  const server: Server = createServer((request, response) => {
    const url = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    for (const [id, dir] of Object.entries(models)) {
      const prefix = `/${id}/resolve/main/`;
      const file = url.startsWith(prefix) ? path.join(dir, url.slice(prefix.length)) : "";
      if (file && existsSync(file) && statSync(file).isFile()) {
        response.writeHead(200, { "content-length": statSync(file).size, "content-type": "application/octet-stream" });
        createReadStream(file).pipe(response);
        return;
      }
    }
    response.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** A port nothing listens on: the network is "down". */
async function unreachableHost(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

// Kokoro runs in its own process: starting one is slow on a loaded machine.
describe("selectTtsEngine", { timeout: 120_000 }, () => {
  it("none: no engine at all", async () => {
    const { engine } = await select(settings("none", dataDir()));
    expect(engine).toBeUndefined();
  });

  it("formant: the offline voice, in its worker", async () => {
    const { engine } = await select(settings("formant", dataDir()));
    expect(engine!.name).toBe("formant");
    expect(engine!.status()).toEqual({ engine: "formant" });
    const [sentence] = await speakOnce(engine!);
    expect(sentence!.sampleRate).toBe(16_000);
  });

  it("kokoro: loads the model given as a directory and speaks with it", async () => {
    const dir = dataDir();
    const model = writeTinyKokoroModel(path.join(dir, "tiny-kokoro"));
    const { engine } = await select(settings("kokoro", dir, model));
    expect(engine!.status()).toEqual({ engine: "kokoro" });
    const [sentence] = await speakOnce(engine!);
    expect(sentence!.sampleRate).toBe(TINY_KOKORO_RATE);
    expect(sentence!.phonemes).not.toBe("");
  });

  it("kokoro: a model that cannot be loaded is a clear error", async () => {
    const dir = dataDir();
    await expect(select(settings("kokoro", dir, path.join(dir, "missing")))).rejects.toThrow(/^KINDRED_TTS=kokoro: the kokoro voice could not load: .*missing/);
    await expect(select(settings("kokoro", dir), { modelHost: await unreachableHost() })).rejects.toThrow(/KINDRED_TTS=kokoro: .*could not fetch the model kindred-tests\/tiny-kokoro/);
  });

  it("auto: Kokoro at once when its model is already in the data folder", async () => {
    const dir = dataDir();
    const folder = writeTinyKokoroModel(path.join(dir, "models", MODEL_ID));
    markDownloadComplete(folder, kokoroModelFiles("q8"));
    // Offline: nothing may be fetched.
    const { engine, lines } = await select(settings("auto", dir), { modelHost: await unreachableHost() });
    expect(engine!.name).toBe("kokoro");
    expect(lines).toEqual([]);
  });

  it("auto: a Kokoro model in the data folder that will not load leaves the formant voice, with a warning", async () => {
    const dir = dataDir();
    const folder = writeTinyKokoroModel(path.join(dir, "models", MODEL_ID));
    writeFileSync(path.join(folder, "onnx", "model_quantized.onnx"), "not an onnx model");
    markDownloadComplete(folder, kokoroModelFiles("q8"));
    const { engine, lines } = await select(settings("auto", dir), { modelHost: await unreachableHost() });
    expect(engine!.status()).toEqual({ engine: "formant" });
    expect(lines).toEqual([expect.stringMatching(/^the kokoro voice could not load: .*; companions speak with the formant voice$/)]);
  });

  it("auto: speaks with the formant voice at once and switches to Kokoro once it has downloaded", async () => {
    const dir = dataDir();
    const served = writeTinyKokoroModel(path.join(dataDir(), "served"));
    const events: ModelProgressEvent[] = [];
    const { engine, lines } = await select(settings("auto", dir), { modelHost: await modelHost({ [MODEL_ID]: served }), onProgress: (event) => events.push(event) });
    expect(engine!.name).toBe("formant");
    expect((await speakOnce(engine!))[0]!.sampleRate).toBe(16_000);
    await engine!.settled;
    expect(engine!.status()).toEqual({ engine: "kokoro" });
    expect((await speakOnce(engine!))[0]!.sampleRate).toBe(TINY_KOKORO_RATE);
    expect(events.filter((event) => event.status === "download").map((event) => event.file)).toEqual(
      expect.arrayContaining(["config.json", "onnx/model_quantized.onnx"]),
    );
    expect(lines[0]).toMatch(/not in .*models: companions speak with the formant voice while it downloads/);
    expect(lines).toContain("downloaded voice model file onnx/model_quantized.onnx");
    expect(existsSync(path.join(dir, "models", MODEL_ID, "onnx", "model_quantized.onnx"))).toBe(true);
  });

  it("auto, offline: stays with the formant voice and says so once", async () => {
    const { engine, lines } = await select(settings("auto", dataDir()), { modelHost: await unreachableHost() });
    await engine!.settled;
    expect(engine!.status()).toEqual({ engine: "formant" });
    expect(lines.filter((line) => line.includes("could not be downloaded"))).toHaveLength(1);
    expect((await speakOnce(engine!))[0]!.sampleRate).toBe(16_000);
  });
});
