import { afterEach, describe, expect, it } from "vitest";
import { WorkerTtsEngine, workerEngine } from "../../../../../server/speech/tts/worker";
import type { SpeechStream, SpokenSentence } from "../../../../../server/speech/tts/ttsEngine";

const request = { voice: "af_heart", speed: 1, language: "en" };
const faultyModule = new URL("./faultyEngineModule.ts", import.meta.url).href;
const engines: WorkerTtsEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

function hosted(engine: WorkerTtsEngine): WorkerTtsEngine {
  engines.push(engine);
  return engine;
}

async function collect(stream: SpeechStream): Promise<SpokenSentence[]> {
  const sentences: SpokenSentence[] = [];
  for await (const sentence of stream) sentences.push(sentence);
  return sentences;
}

async function say(engine: WorkerTtsEngine, text: string): Promise<SpokenSentence[]> {
  const stream = engine.speak(request);
  stream.push(text);
  stream.close();
  return collect(stream);
}

describe("WorkerTtsEngine", () => {
  it("speaks with the formant voice in a worker thread, sentence by sentence", async () => {
    const engine = hosted(workerEngine("formant"));
    expect(engine.name).toBe("formant");
    const stream = engine.speak(request);
    const sentences = stream[Symbol.asyncIterator]();
    stream.push("Good morning. ");
    const first = await sentences.next();
    expect(first.value?.text).toBe("Good morning.");
    expect(first.value?.samples).toBeInstanceOf(Float32Array);
    expect(first.value!.samples.length).toBeGreaterThan(first.value!.sampleRate / 4);
    stream.push("How did you sleep");
    stream.close();
    const last = await sentences.next();
    expect(last.value?.text).toBe("How did you sleep");
    expect(last.value?.phonemes).toMatch(/^h.*s.*l.*i.*p$/u);
    expect((await sentences.next()).done).toBe(true);
  });

  it("keeps the event loop free while a long sentence is synthesised", async () => {
    const engine = hosted(workerEngine("formant"));
    await say(engine, "Warm up.");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    try {
      const [sentence] = await say(engine, `${"The quiet river winds past the old mill and the willow trees, ".repeat(12)}and on to the sea.`);
      expect(sentence!.samples.length / sentence!.sampleRate).toBeGreaterThan(20);
    } finally {
      clearInterval(ticker);
    }
    expect(ticks).toBeGreaterThanOrEqual(5);
  });

  it("cancel ends a stream at once; the engine goes on serving new ones", async () => {
    const engine = hosted(workerEngine("formant"));
    const stream = engine.speak(request);
    stream.push("One sentence here. Another one here. And a third one.");
    const sentences = stream[Symbol.asyncIterator]();
    const pending = sentences.next();
    stream.cancel();
    expect((await pending).done).toBe(true);
    expect((await say(engine, "Still here.")).map((s) => s.text)).toEqual(["Still here."]);
  });

  it("refuses a bad request on the calling thread, and text after close", async () => {
    const engine = hosted(workerEngine("formant"));
    expect(() => engine.speak({ ...request, speed: 0 })).toThrow(/speed must be a number from 0.5 to 2/);
    const stream = engine.speak(request);
    stream.close();
    expect(() => stream.push("late")).toThrow(/closed/);
    expect(await collect(stream)).toEqual([]);
  });

  describe.each(["thread", "process"] as const)("hosted in a %s", (isolation) => {
    it("speaks in order and keeps serving after a cancel", async () => {
      const engine = hosted(new WorkerTtsEngine({ name: "formant", engineModule: faultyModule, isolation }));
      const cancelled = engine.speak(request);
      cancelled.push("This one is cut short. ");
      cancelled.cancel();
      const sentences = await say(engine, "First things first. Then the rest");
      expect(sentences.map((s) => s.text)).toEqual(["First things first.", "Then the rest"]);
      expect(sentences[1]!.samples).toBeInstanceOf(Float32Array);
      expect(sentences[1]!.samples.length).toBeGreaterThan(sentences[1]!.sampleRate / 4);
    });

    it("reports a dead worker clearly and starts a new one on the next speak", async () => {
      const engine = hosted(new WorkerTtsEngine({ name: "formant", engineModule: faultyModule, isolation }));
      expect((await say(engine, "Before."))[0]!.text).toBe("Before.");
      await expect(say(engine, "Now crash.")).rejects.toThrow(/formant voice's worker stopped: it exited with code 7; the next reply starts it again/);
      expect((await say(engine, "After."))[0]!.text).toBe("After.");
    });

    it("fails clearly when its engine cannot load", async () => {
      const engine = hosted(new WorkerTtsEngine({ name: "kokoro", engineModule: faultyModule, isolation, options: { failLoad: "no model here" } }));
      await expect(engine.ready()).rejects.toThrow("the kokoro voice could not load: no model here");
      await expect(say(engine, "Hello.")).rejects.toThrow("the kokoro voice could not load: no model here");
    });
  });
});
