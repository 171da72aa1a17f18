import { describe, expect, it } from "vitest";
import { FormantEngine } from "../../../../../server/speech/tts/formant";
import type { SpeechStream, SpokenSentence } from "../../../../../server/speech/tts/ttsEngine";

const request = { voice: "af_heart", speed: 1, language: "en" };

async function collect(stream: SpeechStream): Promise<SpokenSentence[]> {
  const sentences: SpokenSentence[] = [];
  for await (const sentence of stream) sentences.push(sentence);
  return sentences;
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

async function speakAll(text: string, speed = 1): Promise<SpokenSentence[]> {
  const stream = new FormantEngine().speak({ ...request, speed });
  stream.push(text);
  stream.close();
  return collect(stream);
}

describe("FormantEngine", () => {
  it("speaks audible audio with IPA phonemes", async () => {
    const [sentence, ...rest] = await speakAll("Hello there, friend.");
    expect(rest).toEqual([]);
    expect(sentence!.text).toBe("Hello there, friend.");
    expect(sentence!.sampleRate).toBe(16_000);
    expect(rms(sentence!.samples)).toBeGreaterThan(0.01);
    expect(sentence!.samples.every((sample) => sample >= -1 && sample <= 1)).toBe(true);
    expect(sentence!.phonemes).toMatch(/^h.*l.*oʊ.*ð.*ɹ, f.*ɹ.*ɛ.*n.*d$/u);
  });

  it("speaks longer for longer text, and faster at a higher speed", async () => {
    const [short] = await speakAll("Hi.");
    const [long] = await speakAll("Hi, it is lovely to see you again after such a long and busy week.");
    const [fast] = await speakAll("Hi, it is lovely to see you again after such a long and busy week.", 2);
    expect(long!.samples.length).toBeGreaterThan(short!.samples.length * 3);
    expect(fast!.samples.length).toBeLessThan(long!.samples.length * 0.75);
  });

  it("yields each sentence as soon as it is complete, the last after close", async () => {
    const stream = new FormantEngine().speak(request);
    const sentences = stream[Symbol.asyncIterator]();
    stream.push("The fountain is ");
    // Whole sentences arrive with a space after them (the companion's voice pushes them so).
    stream.push("running today. ");
    expect((await sentences.next()).value?.text).toBe("The fountain is running today.");
    // Mid-stream pieces: the splitter finds the end of a sentence inside them.
    stream.push("And the birds love it. Shall we");
    expect((await sentences.next()).value?.text).toBe("And the birds love it.");
    stream.push(" go and look");
    stream.close();
    const last = await sentences.next();
    expect(last.value?.text).toBe("Shall we go and look");
    expect(rms(last.value!.samples)).toBeGreaterThan(0.01);
    expect((await sentences.next()).done).toBe(true);
  });

  it("cancel ends the stream at once and drops what was not yet yielded", async () => {
    const stream = new FormantEngine().speak(request);
    stream.push("One sentence here. Another one here. And a third one.");
    const sentences = stream[Symbol.asyncIterator]();
    const pending = sentences.next();
    stream.cancel();
    expect((await pending).done).toBe(true);
    stream.push("Text after the cancel is ignored.");
    expect((await sentences.next()).done).toBe(true);
  });

  it("refuses text after close and a bad request, clearly", async () => {
    const engine = new FormantEngine();
    const stream = engine.speak(request);
    stream.close();
    expect(() => stream.push("more")).toThrow(/closed/);
    expect(await collect(stream)).toEqual([]);
    expect(() => engine.speak({ ...request, speed: 3 })).toThrow(/speed must be a number from 0.5 to 2/);
    expect(() => engine.speak({ ...request, voice: 5 as unknown as string })).toThrow(/voice must be a string/);
  });

  it("gives each persona voice a flite voice of the matching gender", async () => {
    const voiceOf = async (voice: string) => {
      const stream = new FormantEngine().speak({ ...request, voice });
      stream.push("Good morning to you.");
      stream.close();
      return (await collect(stream))[0]!.samples;
    };
    const [female, male, british] = await Promise.all([voiceOf("af_heart"), voiceOf("am_adam"), voiceOf("bm_george")]);
    // Different voices, different audio: the mapping reaches flite.
    expect(female.length).not.toBe(male.length);
    expect(male.length).not.toBe(british.length);
  });
});
