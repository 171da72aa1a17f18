/**
 * `npm run bench -- tts [--runs 3]`
 *
 * Speaks a fixed paragraph with each TTS engine present on this machine (the formant voice
 * always; Kokoro when its model is in the data folder: nothing is downloaded), through the worker
 * host as the server does, and measures per engine:
 * - rtf: synthesis time / audio duration for the whole paragraph (below 1: faster than it plays),
 * - firstAudioMs: paragraph pushed → first sentence's audio back on the main thread,
 * - loadMs: starting the worker and loading the engine.
 * Medians over the runs, after one warm-up sentence.
 */
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config";
import { kokoroModelPresent } from "../server/speech/tts/kokoro";
import { workerEngine, type WorkerTtsEngine } from "../server/speech/tts/worker";

const PARAGRAPH =
  "I was just thinking about the fountain over there. It has been running all morning, and the birds love it. " +
  "Do you want to walk over and take a look? We could sit on the bench for a while and watch them. " +
  "Later, if you like, I can tell you what I remember about the old mill by the river.";
const REQUEST = { voice: "af_heart", speed: 1, language: "en" };

interface EngineFigures {
  rtf: number;
  firstAudioMs: number;
  audioSeconds: number;
  sentences: number;
  sampleRate: number;
  loadMs: number;
}

export async function main(argv: string[]) {
  const { values } = parseArgs({ args: argv, options: { runs: { type: "string", default: "3" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs <= 0) throw new Error("--runs must be a positive integer");
  const config = loadConfig();
  const kokoroSettings = { model: config.ttsModel, dtype: config.ttsDtype, dataDir: config.dataDir };

  const engines: Record<string, EngineFigures | { absent: string }> = {};
  engines.formant = await measure(workerEngine("formant"), runs);
  if (kokoroModelPresent(kokoroSettings)) {
    engines.kokoro = await measure(workerEngine("kokoro", { ...kokoroSettings, allowDownload: false }), runs);
  } else {
    const absent = `the model ${config.ttsModel} (${config.ttsDtype}) is not in ${config.dataDir}/models: start the server with KINDRED_TTS=auto or kokoro once to download it`;
    console.error(`kokoro: skipped, ${absent}`);
    engines.kokoro = { absent };
  }
  return { paragraphChars: PARAGRAPH.length, runs, cpus: availableParallelism(), engines };
}

async function measure(engine: WorkerTtsEngine, runs: number): Promise<EngineFigures> {
  try {
    console.error(`${engine.name}: loading`);
    const loadStart = performance.now();
    await engine.ready();
    const loadMs = performance.now() - loadStart;
    await speak(engine, "Warming up.");
    const results: SpeechRun[] = [];
    for (let run = 1; run <= runs; run++) {
      const result = await speak(engine, PARAGRAPH);
      console.error(`${engine.name}: run ${run}/${runs}: rtf ${result.rtf.toFixed(3)}, first audio ${result.firstAudioMs.toFixed(0)} ms, ${result.audioSeconds.toFixed(1)} s of audio`);
      results.push(result);
    }
    const median = (pick: (r: SpeechRun) => number) => {
      const sorted = results.map(pick).sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)]!;
    };
    return {
      rtf: round(median((r) => r.rtf), 3),
      firstAudioMs: round(median((r) => r.firstAudioMs), 0),
      audioSeconds: round(results[0]!.audioSeconds, 2),
      sentences: results[0]!.sentences,
      sampleRate: results[0]!.sampleRate,
      loadMs: round(loadMs, 0),
    };
  } finally {
    await engine.dispose();
  }
}

interface SpeechRun {
  rtf: number;
  firstAudioMs: number;
  audioSeconds: number;
  sentences: number;
  sampleRate: number;
}

async function speak(engine: WorkerTtsEngine, text: string): Promise<SpeechRun> {
  const start = performance.now();
  const stream = engine.speak(REQUEST);
  stream.push(text);
  stream.close();
  let firstAudioMs = 0;
  let audioSeconds = 0;
  let sentences = 0;
  let sampleRate = 0;
  for await (const sentence of stream) {
    if (sentences === 0) firstAudioMs = performance.now() - start;
    sentences++;
    sampleRate = sentence.sampleRate;
    audioSeconds += sentence.samples.length / sentence.sampleRate;
  }
  const seconds = (performance.now() - start) / 1000;
  if (audioSeconds === 0) throw new Error(`${engine.name} spoke no audio`);
  return { rtf: seconds / audioSeconds, firstAudioMs, audioSeconds, sentences, sampleRate };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
