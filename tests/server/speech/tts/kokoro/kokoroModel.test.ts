import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createModelProgress, type ModelProgressEvent } from "../../../../../server/models";
import { kokoroModelPresent } from "../../../../../server/speech/tts/kokoro";
import { loadKokoro } from "../../../../../server/speech/tts/kokoro/kokoroModel";
import { writeTinyKokoroModel } from "../../../../support/tinyKokoroModel";
import { pointAtDeadHub, startModelHub } from "../../../models/modelHub";
import { makeTempDir } from "../../../support/tempDir";

const temp = makeTempDir("kindred-kokoro-model-");
const modelDir = writeTinyKokoroModel(path.join(temp.path, "tiny-kokoro"));
afterAll(() => temp.remove());

describe("loading Kokoro", () => {
  it("loads a model directory: Kokoro's phoneme tokenizer and the ONNX model with its real inputs", async () => {
    const dataDir = path.join(temp.path, "data-local");
    expect(kokoroModelPresent({ model: modelDir, dtype: "q8", dataDir })).toBe(true);
    expect(kokoroModelPresent({ model: modelDir, dtype: "fp32", dataDir })).toBe(false);
    const tts = await loadKokoro({ model: modelDir, dtype: "q8", dataDir });
    try {
      // "$" pads both ends; each IPA character is one token of Kokoro's vocabulary.
      expect(tts.tokenizer("həlˈoʊ!").input_ids.tolist()).toEqual([[0n, 50n, 83n, 54n, 156n, 57n, 135n, 5n, 0n]]);
      expect(tts.model.sessions.model!.inputNames).toEqual(["input_ids", "style", "speed"]);
      expect(tts.model.sessions.model!.outputNames).toEqual(["waveform"]);
      expect(existsSync(path.join(dataDir, "models"))).toBe(false);
    } finally {
      await tts.model.dispose();
    }
  });

  it("names the path of a model directory that is missing, or lacks the chosen weights", async () => {
    const missing = path.join(temp.path, "no-kokoro-here");
    await expect(loadKokoro({ model: missing, dtype: "q8", dataDir: temp.path })).rejects.toThrow(`model directory ${missing} does not exist`);
    await expect(loadKokoro({ model: modelDir, dtype: "fp16", dataDir: temp.path })).rejects.toThrow(path.join(modelDir, "onnx", "model_fp16.onnx"));
    await expect(loadKokoro({ model: modelDir, dtype: "q2" as "q8", dataDir: temp.path })).rejects.toThrow(/unknown Kokoro dtype "q2"/);
  });

  it("downloads a model id into <dataDir>/models on first use, with progress, then loads it without the network", async () => {
    const hub = await startModelHub({ "test-org/kokoro": modelDir });
    const dataDir = path.join(temp.path, "data-download");
    const options = { model: "test-org/kokoro", dtype: "q8" as const, dataDir };
    try {
      expect(kokoroModelPresent(options)).toBe(false);
      const events: ModelProgressEvent[] = [];
      const lines: string[] = [];
      const progress = createModelProgress({ logger: { info: (_: object, line: string) => lines.push(line) } as never, terminal: null, label: "voice model" });
      const tts = await loadKokoro({ ...options, onProgress: (event) => (events.push(event), progress.report(event)) });
      await tts.model.dispose();
      expect(hub.requests).toEqual(expect.arrayContaining(["test-org/kokoro/config.json", "test-org/kokoro/tokenizer.json", "test-org/kokoro/onnx/model_quantized.onnx"]));
      expect(existsSync(path.join(dataDir, "models", "test-org", "kokoro", "onnx", "model_quantized.onnx"))).toBe(true);
      expect(events.filter((e) => e.status === "progress" && e.file === "onnx/model_quantized.onnx").at(-1)?.progress).toBe(100);
      expect(lines).toContain("downloaded voice model file onnx/model_quantized.onnx");
      expect(kokoroModelPresent(options)).toBe(true);

      // Loaded again from the data folder: no request, and nothing reported as a download.
      const requested = hub.requests.length;
      const reread: ModelProgressEvent[] = [];
      const again = await loadKokoro({ ...options, allowDownload: false, onProgress: (event) => reread.push(event) });
      await again.model.dispose();
      expect(hub.requests).toHaveLength(requested);
      expect(reread.filter((e) => e.status === "done").map((e) => e.file)).toEqual(expect.arrayContaining(["config.json", "onnx/model_quantized.onnx"]));
      expect(reread.filter((e) => e.status === "download" || e.status === "progress")).toEqual([]);
    } finally {
      await hub.close();
    }
  });

  it("fails clearly when the model cannot be fetched, and leaves nothing that looks complete", async () => {
    const restore = await pointAtDeadHub();
    const dataDir = path.join(temp.path, "data-offline");
    mkdirSync(dataDir);
    try {
      const load = loadKokoro({ model: "test-org/kokoro", dtype: "q8", dataDir });
      await expect(load).rejects.toThrow(`could not fetch the model test-org/kokoro into ${path.join(dataDir, "models", "test-org", "kokoro")}`);
      expect(kokoroModelPresent({ model: "test-org/kokoro", dtype: "q8", dataDir })).toBe(false);
    } finally {
      restore();
    }
  });
});
