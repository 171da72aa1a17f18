import { describe, expect, it } from "vitest";
import { isModelPending, modelProgressLabel } from "../../client/ui/modelProgressLabel";

describe("modelProgressLabel", () => {
  it("shows the download's share and size while the embedded model downloads", () => {
    const label = modelProgressLabel({ provider: "local", state: "downloading", progress: 0.4219, downloadedBytes: 471_000_000, totalBytes: 1_117_320_736 });
    expect(label).toBe("Companions are waking up: downloading their mind, 42% (471 of 1,117 MB)");
    expect(modelProgressLabel({ provider: "local", state: "downloading", progress: 0.05 })).toBe("Companions are waking up: downloading their mind, 5%");
  });

  it("says something while waiting, loading or failed, and nothing once ready or without a model", () => {
    expect(modelProgressLabel({ provider: "local", state: "waiting", progress: 0 })).toMatch(/waking up/);
    expect(modelProgressLabel({ provider: "local", state: "loading", progress: 1 })).toMatch(/almost there/);
    expect(modelProgressLabel({ provider: "local", state: "failed", progress: 0.3 })).toMatch(/could not load/);
    expect(modelProgressLabel({ provider: "local", state: "ready", progress: 1 })).toBeNull();
    expect(modelProgressLabel({ provider: "ollama", state: "ready", progress: 1 })).toBeNull();
    expect(modelProgressLabel({ provider: "none", state: "none", progress: 0 })).toBeNull();
  });

  it("keeps asking only while the model is on its way", () => {
    expect(["waiting", "downloading", "loading"].map((state) => isModelPending({ provider: "local", state: state as "waiting", progress: 0 }))).toEqual([true, true, true]);
    expect(["ready", "failed", "none"].map((state) => isModelPending({ provider: "local", state: state as "ready", progress: 0 }))).toEqual([false, false, false]);
  });
});
