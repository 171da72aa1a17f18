import { describe, expect, it } from "vitest";
import { runFlite } from "../../../../../server/speech/tts/formant/fliteProgram";

describe("runFlite", () => {
  it("returns audio and a phone trace that spans it", async () => {
    const { samples, sampleRate, phones } = await runFlite({ text: "Shall we walk to the fountain?", voice: "rms", rate: 1 });
    expect(sampleRate).toBe(16_000);
    expect(phones[0]!.phone).toBe("pau");
    expect(phones.map((p) => p.phone)).toEqual(expect.arrayContaining(["sh", "w", "f", "n"]));
    expect(phones.at(-1)!.end).toBeCloseTo(samples.length / sampleRate, 1);
  });

  // Node's own WASI crashed the process within a few dozen runs that write a file: flite now runs in memory.
  it("runs sentence after sentence without failing", async () => {
    const sentences = ["It is sunny today.", "The birds are singing in the trees.", "Shall we go for a walk?"];
    for (let run = 0; run < 30; run++) {
      const { samples, phones } = await runFlite({ text: sentences[run % 3]!, voice: "slt", rate: 1 });
      expect(samples.length).toBeGreaterThan(8000);
      expect(phones.length).toBeGreaterThan(5);
    }
  });

  it("refuses a rate that is not above zero", async () => {
    await expect(runFlite({ text: "Hello.", voice: "slt", rate: 0 })).rejects.toThrow("flite rate must be above 0, got 0");
  });
});
