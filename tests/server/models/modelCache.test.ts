import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTransformersModel, modelFilesPresent } from "../../../server/models";
import { makeTempDir } from "../support/tempDir";

const temp = makeTempDir("kindred-models-");
afterAll(() => temp.remove());

let count = 0;
const fresh = () => {
  const cacheDir = path.join(temp.path, `cache-${++count}`);
  return { cacheDir, folder: path.join(cacheDir, "test-org", "model") };
};

type Reported = { progress_callback: (e: { status: string; file?: string }) => void; local_files_only: boolean };

/** A load standing in for from_pretrained: downloads (writes) the files it lacks, reporting each as transformers.js does. */
const fetches = (folder: string, files: Record<string, string>) => async (options: Reported) => {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    if (!existsSync(file)) {
      if (options.local_files_only) throw new Error(`${name} was not found locally`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    options.progress_callback({ status: "done", file: name });
  }
  return options.local_files_only;
};

const MODEL = { "config.json": "{}", "onnx/model.onnx": "weights" };

describe("models downloaded into <data dir>/models", () => {
  it("marks a finished download with its files and sizes, and then finds it present without the network", async () => {
    const { cacheDir, folder } = fresh();
    expect(modelFilesPresent("test-org/model", cacheDir, ["config.json"])).toBe(false);
    const localOnly = await loadTransformersModel({ model: "test-org/model", cacheDir }, fetches(folder, MODEL));
    expect(localOnly).toBe(false);
    expect(JSON.parse(readFileSync(path.join(folder, ".kindred-complete"), "utf8"))).toEqual({ files: { "config.json": 2, "onnx/model.onnx": 7 } });
    expect(modelFilesPresent("test-org/model", cacheDir, ["config.json", "onnx/model.onnx"])).toBe(true);
    expect(modelFilesPresent("test-org/model", cacheDir, ["onnx/model_fp16.onnx"])).toBe(false);
  });

  it("throws away a download that never completed instead of loading half a file", async () => {
    const { cacheDir, folder } = fresh();
    mkdirSync(path.join(folder, "onnx"), { recursive: true });
    writeFileSync(path.join(folder, "config.json"), "{}");
    writeFileSync(path.join(folder, "onnx/model.onnx"), "wei");
    await expect(loadTransformersModel({ model: "test-org/model", cacheDir, allowDownload: false }, fetches(folder, MODEL))).rejects.toThrow(/config\.json was not found/);
    expect(existsSync(folder)).toBe(false);
  });

  it("deletes files that a completed download does not vouch for, and a folder whose files changed size", async () => {
    const { cacheDir, folder } = fresh();
    await loadTransformersModel({ model: "test-org/model", cacheDir }, fetches(folder, MODEL));
    writeFileSync(path.join(folder, "onnx/model_fp16.onnx"), "half a fi");
    await loadTransformersModel({ model: "test-org/model", cacheDir, allowDownload: false }, fetches(folder, MODEL));
    expect(existsSync(path.join(folder, "onnx/model_fp16.onnx"))).toBe(false);
    expect(modelFilesPresent("test-org/model", cacheDir, Object.keys(MODEL))).toBe(true);

    writeFileSync(path.join(folder, "onnx/model.onnx"), "weig");
    expect(modelFilesPresent("test-org/model", cacheDir, ["onnx/model.onnx"])).toBe(false);
    await loadTransformersModel({ model: "test-org/model", cacheDir }, fetches(folder, MODEL));
    expect(readFileSync(path.join(folder, "onnx/model.onnx"), "utf8")).toBe("weights");
  });

  it("says which model could not be fetched, and where it was going", async () => {
    const cacheDir = path.join(temp.path, "offline");
    const failing = async () => {
      throw new Error("fetch failed");
    };
    await expect(loadTransformersModel({ model: "test-org/model", cacheDir }, failing)).rejects.toThrow(
      `could not fetch the model test-org/model into ${path.join(cacheDir, "test-org", "model")}: fetch failed`,
    );
    expect(modelFilesPresent("test-org/model", cacheDir, ["config.json"])).toBe(false);
  });

  it("names a model directory that does not exist", async () => {
    const missing = path.join(temp.path, "no-such-model");
    await expect(loadTransformersModel({ model: missing, cacheDir: temp.path }, fetches(missing, MODEL))).rejects.toThrow(`model directory ${missing} does not exist`);
  });
});
