import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadEmbedder, loadEmbedderInChildProcess, type Embedder } from "../../../../server/memory/embeddings";
import { writeTinyBertModel } from "../../../support/tinyBertModel";
import { makeTempDir } from "../../support/tempDir";

const temp = makeTempDir("kindred-embedder-process-");
const model = writeTinyBertModel(path.join(temp.path, "tiny"));
const cacheDir = path.join(temp.path, "models");
let inProcess: Embedder;
let hosted: Embedder;

/** The pid of this test's embedding process (its command line names the module it runs). */
const embedderPid = () => Number(execFileSync("pgrep", ["-P", String(process.pid), "-f", "embedderProcess.ts"], { encoding: "utf8" }).trim());

/** Long sentences, so that one batch keeps the model busy for a while. */
const longBatch = Array.from({ length: 96 }, (_, i) => `memory ${i}: ${"we walked along the shore and talked about the book she was reading and the mountain we would climb ".repeat(5)}`);

beforeAll(async () => {
  [inProcess, hosted] = await Promise.all([loadEmbedder({ model, cacheDir }), loadEmbedderInChildProcess({ model, cacheDir })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([inProcess?.close(), hosted?.close()]);
  temp.remove();
});

describe("the embedding model in a child process", () => {
  it("gives the vectors the same model gives in this thread", async () => {
    expect(hosted.name).toBe(model);
    expect(hosted.dimensions).toBe(inProcess.dimensions);
    const texts = ["my kitten sleeps", "we drove to the mountain"];
    const [expected, actual] = await Promise.all([inProcess.embed(texts), hosted.embed(texts)]);
    expect(actual).toHaveLength(2);
    actual.forEach((vector, i) => vector.forEach((x, j) => expect(x).toBeCloseTo(expected[i]![j]!, 6)));
  });

  it("keeps this event loop ticking while a batch embeds", async () => {
    let ticks = 0;
    let embedding = true;
    // setImmediate runs once per loop turn: it only advances while this thread is not blocked.
    const tick = () => {
      ticks++;
      if (embedding) setImmediate(tick);
    };
    setImmediate(tick);
    const vectors = await hosted.embed(longBatch).finally(() => (embedding = false));
    expect(vectors).toHaveLength(longBatch.length);
    expect(ticks).toBeGreaterThanOrEqual(20);
  });

  it("answers calls made at once each with its own vectors", async () => {
    const [alone] = await hosted.embed(["the cello"]);
    const results = await Promise.all([hosted.embed(["the cello"]), hosted.embed(["my dog", "the sea"]), hosted.embed([])]);
    expect(results.map((r) => r.length)).toEqual([1, 2, 0]);
    results[0]![0]!.forEach((x, j) => expect(x).toBeCloseTo(alone![j]!, 6));
  });

  it("fails what was in flight when its process dies, then starts it again", async () => {
    const crashed = embedderPid();
    const inFlight = hosted.embed(longBatch);
    process.kill(crashed, "SIGKILL");
    await expect(inFlight).rejects.toThrow("the embedding model process ended (SIGKILL)");
    expect(await hosted.embed(["back again"])).toHaveLength(1);
    expect(embedderPid()).not.toBe(crashed);
  }, 60_000);

  it("refuses a directory that holds no model, with the reason from its process", async () => {
    await expect(loadEmbedderInChildProcess({ model: path.join(temp.path, "missing"), cacheDir })).rejects.toThrow(/missing does not exist/);
  }, 30_000);

  it("embeds nothing once closed", async () => {
    const embedder = await loadEmbedderInChildProcess({ model, cacheDir });
    await embedder.close();
    await expect(embedder.embed(["late"])).rejects.toThrow("the embedding model was closed");
  }, 30_000);
});
