import { describe, expect, it } from "vitest";
import { coalescedEmbedding } from "../../../../server/memory/embeddings/coalescedEmbedding";

/** A model that records each run and answers each text with [its length]. */
function recordingModel() {
  const runs: string[][] = [];
  let release: () => void = () => {};
  const model = async (texts: readonly string[]) => {
    runs.push([...texts]);
    if (texts.includes("slow")) await new Promise<void>((resolve) => (release = resolve));
    if (texts.includes("bad")) throw new Error("model run failed");
    return texts.map((text) => [text.length]);
  };
  return { runs, model, release: () => release() };
}

describe("coalescedEmbedding", () => {
  it("puts what is asked for during a run into one next run, and gives each caller its own vectors", async () => {
    const { runs, model, release } = recordingModel();
    const embed = coalescedEmbedding(model);
    const first = embed(["slow"]);
    const later = [embed(["a", "bb"]), embed([]), embed(["ccc"])];
    release();
    expect(await first).toEqual([[4]]);
    expect(await Promise.all(later)).toEqual([[[1], [2]], [], [[3]]]);
    expect(runs).toEqual([["slow"], ["a", "bb", "ccc"]]);
  });

  it("fails everyone in a failed run, and runs the next callers on their own", async () => {
    const { runs, model, release } = recordingModel();
    const embed = coalescedEmbedding(model);
    const first = embed(["slow"]);
    const failing = [embed(["bad"]), embed(["innocent"])];
    release();
    await first;
    await expect(failing[0]).rejects.toThrow("model run failed");
    await expect(failing[1]).rejects.toThrow("model run failed");
    expect(await embed(["fine"])).toEqual([[4]]);
    expect(runs).toEqual([["slow"], ["bad", "innocent"], ["fine"]]);
  });
});
