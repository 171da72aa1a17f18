import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createLogger } from "../../../../server/logging";
import { createSpeechRecognizer, SpeechUnavailableError, type SpeechRecognizer } from "../../../../server/speech";
import { makeTempDir } from "../../support/tempDir";
import { speechRecording } from "../../../support/speechWav";
import { writeTinyWhisperModel } from "../../../support/tinyWhisperModel";

const RATE = 16_000;
const logger = createLogger("silent");
const temp = makeTempDir("kindred-asr-");
const dataDir = path.join(temp.path, "data");
let multilingual: SpeechRecognizer;
let englishOnly: SpeechRecognizer;

/** What a client sends: 16-bit PCM, back to floats as the room decodes it. */
function throughPcm16(samples: Float32Array): Float32Array {
  return Float32Array.from(samples, (s) => Math.round(Math.max(-1, Math.min(1, s)) * 32767) / 32768);
}
const tone = (hz: number, seconds = 1) => Float32Array.from({ length: seconds * RATE }, (_, i) => 0.3 * Math.sin((2 * Math.PI * hz * i) / RATE));

async function ready(recognizer: SpeechRecognizer): Promise<void> {
  await vi.waitFor(() => expect(recognizer.status()).toEqual({ available: true }), { timeout: 60_000, interval: 50 });
}

beforeAll(async () => {
  const start = (dir: string) => createSpeechRecognizer({ model: dir, dataDir, logger });
  multilingual = start(writeTinyWhisperModel(path.join(temp.path, "tiny-whisper")));
  englishOnly = start(writeTinyWhisperModel(path.join(temp.path, "tiny-whisper.en"), { multilingual: false }));
  await Promise.all([ready(multilingual), ready(englishOnly)]);
}, 90_000);

afterAll(async () => {
  await multilingual?.dispose();
  await englishOnly?.dispose();
  temp.remove();
});

describe("speech recognition with a Whisper-shaped model (transformers' real pipeline, in a child process)", () => {
  it("transcribes a spoken sentence (formant voice, silence around it)", async () => {
    const recording = await speechRecording({ silenceBefore: 1.5, silenceAfter: 2 });
    expect(await multilingual.transcribe(throughPcm16(recording.samples), recording.sampleRate, "en-US")).toBe("hello world");
  });

  it("hears what is in the audio: a whistle is not a voice", async () => {
    expect(await multilingual.transcribe(tone(6000), RATE, "en")).toBe("goodbye world");
    expect(await multilingual.transcribe(tone(220), RATE, "en")).toBe("hello world");
  });

  it("transcribes in the persona's language, through the decoder's cache", async () => {
    expect(await multilingual.transcribe(tone(220), RATE, "fr-FR")).toBe("bonjour monde");
    expect(await multilingual.transcribe(tone(220), RATE, "de-AT")).toBe("hallo welt");
  });

  it("gives an English-only model no language, so a French persona still gets English", async () => {
    expect(await englishOnly.transcribe(tone(220), RATE, "fr-FR")).toBe("hello world");
  });

  it("refuses a language the model has no token for", async () => {
    await expect(multilingual.transcribe(tone(220), RATE, "ja")).rejects.toThrow(new SpeechUnavailableError("speech recognition does not know this companion's language (ja); type instead"));
  });

  it("hears nothing in silence, without running the model", async () => {
    expect(await multilingual.transcribe(new Float32Array(2 * RATE), RATE, "en")).toBe("");
  });

  it("refuses bad audio with a clear error, and still works after", async () => {
    await expect(multilingual.transcribe(tone(220), 44_100, "en")).rejects.toThrow("speech must be sampled at 16000 Hz, not 44100 Hz");
    await expect(multilingual.transcribe(tone(220, 31), RATE, "en")).rejects.toThrow("speech segment is 31.0 s long; the most is 30 s");
    await expect(multilingual.transcribe(Float32Array.of(0.1, Number.NaN), RATE, "en")).rejects.toThrow("sample 1 is NaN");
    expect(await multilingual.transcribe(tone(220), RATE, "en")).toBe("hello world");
  });

  it("transcribes segments sent at once, each to its own text", async () => {
    const texts = await Promise.all([
      multilingual.transcribe(tone(220), RATE, "fr"),
      multilingual.transcribe(tone(6000), RATE, "en"),
      multilingual.transcribe(tone(220), RATE, "de"),
    ]);
    expect(texts).toEqual(["bonjour monde", "goodbye world", "hallo welt"]);
  });

  it("rejects once disposed", async () => {
    const recognizer = createSpeechRecognizer({ model: writeTinyWhisperModel(path.join(temp.path, "disposed")), dataDir, logger });
    await ready(recognizer);
    await recognizer.dispose();
    await expect(recognizer.transcribe(tone(220), RATE, "en")).rejects.toThrow(new SpeechUnavailableError("speech recognition was shut down"));
  }, 90_000);
});
