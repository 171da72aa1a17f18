import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../../server/config";

const cwd = path.resolve("/srv/kindred");
const load = (value?: string) => loadConfig({ env: value === undefined ? {} : { KINDRED_EMBEDDING_MODEL: value }, cwd });

describe("KINDRED_EMBEDDING_MODEL", () => {
  it("defaults to a small 384-dimension sentence model from the Hugging Face hub", () => {
    expect(load().embeddingModel).toBe("Xenova/all-MiniLM-L6-v2");
  });

  it("takes none, another model id, or a model directory made absolute", () => {
    expect(load("none").embeddingModel).toBe("none");
    expect(load("Xenova/paraphrase-multilingual-MiniLM-L12-v2").embeddingModel).toBe("Xenova/paraphrase-multilingual-MiniLM-L12-v2");
    expect(load("./models/minilm").embeddingModel).toBe(path.join(cwd, "models/minilm"));
    expect(load("/opt/models/minilm").embeddingModel).toBe(path.resolve("/opt/models/minilm"));
  });

  it("refuses a value that is none of those, naming the key", () => {
    expect(() => load("minilm")).toThrow(ConfigError);
    expect(() => load("minilm")).toThrow(/KINDRED_EMBEDDING_MODEL="minilm".*must be none, a Hugging Face model id/);
    expect(() => load("nonesuch")).toThrow(/KINDRED_EMBEDDING_MODEL/);
  });
});
