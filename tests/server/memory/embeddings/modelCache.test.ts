import { cpSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadEmbedder } from "../../../../server/memory/embeddings";
import { writeTinyBertModel } from "../../../support/tinyBertModel";
import { makeTempDir } from "../../support/tempDir";

const temp = makeTempDir("kindred-model-cache-");
const built = writeTinyBertModel(path.join(temp.path, "built"));
afterAll(() => temp.remove());

/** A model id's folder in the download cache, as transformers.js lays it out: <cache>/<owner>/<name>/… */
function placeInCache(cacheDir: string, id: string, complete: boolean): string {
  const folder = path.join(cacheDir, id);
  mkdirSync(path.dirname(folder), { recursive: true });
  cpSync(built, folder, { recursive: true });
  if (complete) writeFileSync(path.join(folder, ".kindred-complete"), "");
  return folder;
}

describe("downloaded models in <data dir>/models", () => {
  it("loads a model id from its completed download, without the network", async () => {
    const cacheDir = path.join(temp.path, "complete");
    placeInCache(cacheDir, "test-org/tiny-model", true);
    const embedder = await loadEmbedder({ model: "test-org/tiny-model", cacheDir, allowDownload: false });
    try {
      expect(embedder.name).toBe("test-org/tiny-model");
      expect(await embedder.embed(["hello"])).toHaveLength(1);
    } finally {
      await embedder.close();
    }
  });

  it("throws away an interrupted download (no completion marker) instead of loading half a file", async () => {
    const cacheDir = path.join(temp.path, "interrupted");
    const folder = placeInCache(cacheDir, "test-org/tiny-model", false);
    await expect(loadEmbedder({ model: "test-org/tiny-model", cacheDir, allowDownload: false })).rejects.toThrow(/not found locally/);
    expect(existsSync(path.join(folder, "onnx"))).toBe(false);
  });
});
