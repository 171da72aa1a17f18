import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { FrameProcessor, Message } from "@ricky0123/vad-web";
import type { FrameProcessorEvent } from "@ricky0123/vad-web/dist/frame-processor";
import * as ort from "onnxruntime-web";
import { beforeAll, describe, expect, it } from "vitest";
import { VAD_FRAME_OPTIONS, VAD_FRAME_SAMPLES, VAD_MODEL_FILE } from "../../../../client/voice/input/vadOptions";
import { speechRecording } from "../../../support/speechWav";

// vad-web's model classes are not in its index; the browser's MicVAD builds the same one.
const { Silero } = createRequire(import.meta.url)("@ricky0123/vad-web/dist/models") as typeof import("@ricky0123/vad-web/dist/models");

const RATE = 16_000;
const FRAME_SECONDS = VAD_FRAME_SAMPLES / RATE;

interface Detected {
  /** When the detector said speech started, and when it said it ended (after its end pause). */
  start: number;
  end: number;
  audio: Float32Array;
}

/**
 * Runs the page's detector on 16 kHz audio, frame by frame as its worklet feeds it: the Silero
 * model the server ships, on onnxruntime-web's WASM backend, with the client's own options.
 */
async function detect(samples: Float32Array): Promise<Detected[]> {
  const modelBytes = readFileSync(path.resolve("node_modules/@ricky0123/vad-web/dist", VAD_MODEL_FILE));
  const model = await Silero.new(ort, async () => modelBytes.buffer.slice(modelBytes.byteOffset, modelBytes.byteOffset + modelBytes.byteLength));
  const processor = new FrameProcessor(model.process, model.reset_state, VAD_FRAME_OPTIONS, FRAME_SECONDS * 1000);
  processor.resume();
  const found: Detected[] = [];
  let start = -1;
  let frameEnd = 0;
  const handle = (event: FrameProcessorEvent) => {
    if (event.msg === Message.SpeechStart) start = frameEnd;
    if (event.msg === Message.SpeechEnd) found.push({ start, end: frameEnd, audio: event.audio });
  };
  for (let offset = 0; offset + VAD_FRAME_SAMPLES <= samples.length; offset += VAD_FRAME_SAMPLES) {
    frameEnd = (offset + VAD_FRAME_SAMPLES) / RATE;
    await processor.process(samples.slice(offset, offset + VAD_FRAME_SAMPLES), handle);
  }
  await model.release();
  return found;
}

describe("voice activity detection (Silero v5 through vad-web, onnxruntime-web WASM)", () => {
  beforeAll(() => {
    // As in the page: one thread, quiet.
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = "error";
  });

  it("finds the spoken sentence between the silences, and only it", async () => {
    const recording = await speechRecording({ silenceBefore: 1.5, silenceAfter: 1.5 });
    const found = await detect(recording.samples);
    expect(found).toHaveLength(1);
    const [speech] = found;
    // Noticed within the speech, soon after it begins (what barge-in waits for)…
    expect(speech!.start).toBeGreaterThan(recording.speechStart);
    expect(speech!.start).toBeLessThan(recording.speechStart + 0.5);
    // …and ended once the end pause has passed after the last word, not inside the sentence.
    const lastSpeechHeard = speech!.end - VAD_FRAME_OPTIONS.redemptionMs / 1000;
    expect(lastSpeechHeard).toBeGreaterThan(recording.speechEnd - 0.5);
    expect(lastSpeechHeard).toBeLessThan(recording.speechEnd + 2 * FRAME_SECONDS);
    // The segment sent holds the whole sentence: the lead-in pad, the words, the end pause.
    const sentSeconds = speech!.audio.length / RATE;
    expect(sentSeconds).toBeGreaterThan(recording.speechEnd - recording.speechStart);
    expect(sentSeconds).toBeLessThan(recording.speechEnd - recording.speechStart + (VAD_FRAME_OPTIONS.preSpeechPadMs + VAD_FRAME_OPTIONS.redemptionMs) / 1000 + 0.5);
  });

  it("finds two sentences with a long pause between them as two segments", async () => {
    const first = await speechRecording({ text: "Good morning to you.", silenceBefore: 0.5, silenceAfter: 1.5 });
    const second = await speechRecording({ text: "Shall we walk to the lake?", silenceBefore: 0, silenceAfter: 1 });
    const both = new Float32Array(first.samples.length + second.samples.length);
    both.set(first.samples);
    both.set(second.samples, first.samples.length);
    const found = await detect(both);
    expect(found).toHaveLength(2);
    const secondStart = first.samples.length / RATE + second.speechStart;
    expect(found[0]!.start).toBeLessThan(first.speechEnd);
    expect(found[1]!.start).toBeGreaterThan(secondStart);
  });

  it("hears nothing in quiet room noise", async () => {
    let seed = 7;
    const noise = Float32Array.from({ length: 4 * RATE }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * 0.01;
    });
    expect(await detect(noise)).toEqual([]);
  });
});
