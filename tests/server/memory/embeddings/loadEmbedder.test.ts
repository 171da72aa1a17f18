import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, type Embedder } from "../../../../server/memory/embeddings";
import { HIDDEN_SIZE, writeTinyBertModel } from "../../../support/tinyBertModel";
import { makeTempDir } from "../../support/tempDir";

const temp = makeTempDir("kindred-embedder-");
let embedder: Embedder;
const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

beforeAll(async () => {
  const model = writeTinyBertModel(path.join(temp.path, "tiny"));
  embedder = await loadEmbedder({ model, cacheDir: path.join(temp.path, "models") });
});
afterAll(async () => {
  await embedder.close();
  temp.remove();
});

describe("loadEmbedder with a BERT-shaped model directory", () => {
  it("reports the model's dimension and returns one unit vector per text", async () => {
    expect(embedder.dimensions).toBe(HIDDEN_SIZE);
    const vectors = await embedder.embed(["My kitten sleeps on the sofa", "We drove to the mountain", "ok"]);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(HIDDEN_SIZE);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it("puts sentences with words of one meaning nearer than unrelated ones", async () => {
    const [kitten, cat, car] = await embedder.embed(["my kitten", "my cat", "my car"]);
    expect(dot(kitten!, cat!)).toBeGreaterThan(dot(kitten!, car!) + 0.2);
  });

  it("gives the same vector for a text alone or in a padded batch", async () => {
    const [alone] = await embedder.embed(["the cello"]);
    const [batched] = await embedder.embed(["the cello", "a much longer sentence about the ocean and the beach in summer"]);
    expect(dot(alone!, batched!)).toBeCloseTo(1, 5);
  });

  it("refuses a directory that holds no model, with the path in the message", async () => {
    const empty = path.join(temp.path, "empty");
    mkdirSync(empty);
    await expect(loadEmbedder({ model: empty, cacheDir: temp.path })).rejects.toThrow(/empty has no config\.json/);
  });

  it("fails clearly, without any download, when a model directory lacks its weights", async () => {
    const broken = path.join(temp.path, "broken");
    mkdirSync(broken);
    writeFileSync(path.join(broken, "config.json"), JSON.stringify({ model_type: "bert" }));
    await expect(loadEmbedder({ model: broken, cacheDir: temp.path })).rejects.toThrow(/not found locally|tokenizer/i);
  });
});
