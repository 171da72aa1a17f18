import { writeFileSync } from "node:fs";
import { FormantEngine } from "../../server/speech/tts/formant";

/** A spoken sentence with silence around it, as tests feed to VAD, ASR and Chromium's fake microphone. */
export interface SpeechRecording {
  /** Mono, −1…1, 16 kHz (the formant voice's rate). */
  samples: Float32Array;
  sampleRate: number;
  /** Where the speech starts and ends, in seconds (the formant voice adds a little silence of its own). */
  speechStart: number;
  speechEnd: number;
  /** The same audio as a 16-bit PCM mono WAV file. */
  wav: Uint8Array;
}

export interface SpeechRecordingOptions {
  /** What is said; default "Hello there, can you hear me speaking clearly today?". */
  text?: string;
  /** Seconds of silence before and after the speech; default 1 each. */
  silenceBefore?: number;
  silenceAfter?: number;
  /** A persona voice id (af_heart → slt, am_* → rms, bm_* → awb); default af_heart. */
  voice?: string;
}

/** Synthesises silence, a sentence in the offline formant voice, silence: real speech, no download. */
export async function speechRecording(options: SpeechRecordingOptions = {}): Promise<SpeechRecording> {
  const { text = "Hello there, can you hear me speaking clearly today?", silenceBefore = 1, silenceAfter = 1, voice = "af_heart" } = options;
  if (!(silenceBefore >= 0 && silenceAfter >= 0)) throw new RangeError("silence must be zero or more seconds");
  const engine = new FormantEngine();
  const stream = engine.speak({ voice, speed: 1, language: "en" });
  stream.push(text);
  stream.close();
  const parts: Float32Array[] = [];
  let sampleRate = 16_000;
  for await (const sentence of stream) {
    parts.push(sentence.samples);
    sampleRate = sentence.sampleRate;
  }
  const speechLength = parts.reduce((sum, part) => sum + part.length, 0);
  const before = Math.round(silenceBefore * sampleRate);
  const samples = new Float32Array(before + speechLength + Math.round(silenceAfter * sampleRate));
  let offset = before;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  return { samples, sampleRate, speechStart: silenceBefore, speechEnd: offset / sampleRate, wav: encodePcm16Wav(samples, sampleRate) };
}

/** Writes `speechRecording(options)` to `file` (a WAV) and returns the recording. */
export async function writeSpeechWav(file: string, options: SpeechRecordingOptions = {}): Promise<SpeechRecording> {
  const recording = await speechRecording(options);
  writeFileSync(file, recording.wav);
  return recording;
}

/** Mono float samples as a 16-bit PCM RIFF/WAVE file. */
export function encodePcm16Wav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const tag = (offset: number, text: string) => bytes.set(Buffer.from(text, "ascii"), offset);
  tag(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  tag(8, "WAVE");
  tag(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  tag(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, samples[i]!)) * 32767), true);
  return bytes;
}
