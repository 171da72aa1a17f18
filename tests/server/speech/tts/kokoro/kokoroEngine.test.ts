import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createKokoroEngine, type KokoroEngine } from "../../../../../server/speech/tts/kokoro/kokoroEngine";
import type { SpeechRequest, SpeechStream, SpokenSentence } from "../../../../../server/speech/tts/ttsEngine";
import { SAMPLE_RATE, SAMPLES_PER_TOKEN, writeTinyKokoroModel } from "../../../../support/tinyKokoroModel";
import { makeTempDir } from "../../../support/tempDir";

const temp = makeTempDir("kindred-kokoro-engine-");
const warnings: string[] = [];
let engine: KokoroEngine;

const modelDir = writeTinyKokoroModel(path.join(temp.path, "tiny-kokoro"));
const logger = { warn: (message: string) => warnings.push(message) } as never;

beforeAll(async () => {
  // The voices ship inside kokoro-js: nothing may be fetched, not even a voice file.
  vi.stubGlobal("fetch", () => Promise.reject(new Error("tests never download")));
  engine = await createKokoroEngine({ model: modelDir, dtype: "q8", dataDir: temp.path }, undefined, logger);
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await engine.dispose();
  temp.remove();
});

const request = (overrides: Partial<SpeechRequest> = {}): SpeechRequest => ({ voice: "af_heart", speed: 1, language: "en", ...overrides });

/** Speaks `text` as one closed reply and returns every sentence. */
async function speakAll(text: string, overrides: Partial<SpeechRequest> = {}): Promise<SpokenSentence[]> {
  const stream = engine.speak(request(overrides));
  stream.push(text);
  stream.close();
  const sentences: SpokenSentence[] = [];
  for await (const sentence of stream) sentences.push(sentence);
  return sentences;
}

const rms = (samples: Float32Array) => Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
const next = (iterator: AsyncIterator<SpokenSentence>) => iterator.next();
const iterate = (stream: SpeechStream) => stream[Symbol.asyncIterator]();

describe("the Kokoro engine", () => {
  it("phonemises, tokenises and runs the model: non-silent 24 kHz audio, one stretch per token", async () => {
    const [sentence] = await speakAll("Hello world.");
    expect(sentence!.text).toBe("Hello world.");
    expect(sentence!.phonemes).toBe("həlˈoʊ wˈɜːld.");
    expect(sentence!.sampleRate).toBe(SAMPLE_RATE);
    expect(sentence!.samples).toBeInstanceOf(Float32Array);
    // Each phoneme character is a token, plus the two "$" pads.
    expect(sentence!.samples.length).toBe(SAMPLES_PER_TOKEN * ([...sentence!.phonemes].length + 2));
    expect(rms(sentence!.samples)).toBeGreaterThan(0.1);
  });

  it("gives longer audio for longer text", async () => {
    const [short] = await speakAll("Hi.");
    const [long] = await speakAll("Hello, how are you doing on this fine and sunny day?");
    expect(long!.samples.length).toBeGreaterThan(short!.samples.length * 3);
  });

  it("speaks the first sentence while the reply is still arriving, and the last one once it is closed", async () => {
    const stream = engine.speak(request());
    const sentences = iterate(stream);
    stream.push("The lanterns are lit. ");
    expect((await next(sentences)).value?.text).toBe("The lanterns are lit.");
    stream.push("Come and ");
    stream.push("see them");
    stream.close();
    const last = await next(sentences);
    expect(last.value?.text).toBe("Come and see them");
    expect(last.value?.samples.length).toBeGreaterThan(0);
    expect((await next(sentences)).done).toBe(true);
  });

  it("splits text pushed in pieces into sentences, in order", async () => {
    const stream = engine.speak(request());
    for (const piece of ["One fish", ". Two fi", "sh! Red fish? Blue", " fish."]) stream.push(piece);
    stream.close();
    const texts: string[] = [];
    for await (const sentence of stream) texts.push(sentence.text);
    expect(texts).toEqual(["One fish.", "Two fish!", "Red fish?", "Blue fish."]);
  });

  it("stops at once on cancel: nothing queued comes out, later text is ignored", async () => {
    const stream = engine.speak(request());
    const sentences = iterate(stream);
    stream.push("First sentence here. Second sentence here. Third one. ");
    expect((await next(sentences)).value?.text).toBe("First sentence here.");
    stream.cancel();
    stream.push("Too late. ");
    expect(await next(sentences)).toEqual({ done: true, value: undefined });

    const waiting = engine.speak(request());
    const pending = next(iterate(waiting));
    waiting.cancel();
    expect((await pending).done).toBe(true);
  });

  it("passes the speed to the model", async () => {
    const [normal] = await speakAll("Hello world.");
    const [fast] = await speakAll("Hello world.", { speed: 1.5 });
    expect(fast!.samples).not.toEqual(normal!.samples);
  });

  it("speaks with the persona's voice, its accent from the voice", async () => {
    const [heart] = await speakAll("Hello world.");
    const [george] = await speakAll("Hello world.", { voice: "bm_george", language: "en-GB" });
    expect(george!.phonemes).toBe("həlˈəʊ wˈɜːld.");
    expect(rms(george!.samples)).not.toBeCloseTo(rms(heart!.samples), 4);
    expect(warnings).toEqual([]);
  });

  it("falls back to the default voice for a voice Kokoro lacks, with one warning, never a crash", async () => {
    const [heart] = await speakAll("Hello world.");
    const [unknown] = await speakAll("Hello world.", { voice: "kal_diphone" });
    await speakAll("Again.", { voice: "kal_diphone" });
    expect(unknown!.samples).toEqual(heart!.samples);
    expect(warnings).toEqual(['Kokoro has no voice "kal_diphone": speaking with af_heart']);

    const [british] = await speakAll("Hello world.", { voice: "nobody", language: "en-GB" });
    const [emma] = await speakAll("Hello world.", { voice: "bf_emma", language: "en-GB" });
    expect(british!.samples).toEqual(emma!.samples);
    expect(warnings).toContain('Kokoro has no voice "nobody": speaking with bf_emma');

    const [german] = await speakAll("Hallo.", { language: "de" });
    expect(german!.samples.length).toBeGreaterThan(0);
    expect(warnings).toContain('Kokoro speaks English only: "de" is read in English');
  });

  it("refuses a request it cannot speak before starting, and pushes after close", () => {
    expect(() => engine.speak(request({ speed: 3 }))).toThrow(/speed must be a number from 0.5 to 2/);
    const stream = engine.speak(request());
    stream.close();
    expect(() => stream.push("More. ")).toThrow(/closed/);
  });

  it("finishes the sentence in flight before freeing the model on dispose, then refuses to speak", async () => {
    const own = await createKokoroEngine({ model: modelDir, dtype: "q8", dataDir: temp.path }, undefined, logger);
    const stream = own.speak(request());
    const sentences = iterate(stream);
    stream.push("Goodbye for now. ");
    const first = next(sentences);
    await own.dispose();
    expect((await first).value?.text).toBe("Goodbye for now.");
    expect(() => own.speak(request())).toThrow(/disposed/);
  });
});
