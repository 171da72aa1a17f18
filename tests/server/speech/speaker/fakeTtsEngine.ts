import type { SpeechRequest, SpeechStream, SpokenSentence, TtsEngine } from "../../../../server/speech";

export const FAKE_SAMPLE_RATE = 16_000;
/** Each letter is this long in the fake voice: audio length follows the text like a real one. */
const SECONDS_PER_LETTER = 0.05;

/** A tone as long as the sentence's letters: enough for chunks and visemes. */
export function fakeVoice(text: string): Float32Array {
  const letters = text.replace(/[^\p{L}\p{N}]/gu, "").length;
  const samples = new Float32Array(Math.round(letters * SECONDS_PER_LETTER * FAKE_SAMPLE_RATE));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * 220 * i) / FAKE_SAMPLE_RATE);
  return samples;
}

/**
 * A TtsEngine that speaks in tones, sentence by sentence as complete sentences arrive, like the
 * real ones. `hold` keeps each sentence back until `release()`; `failAfter` throws after that many.
 */
export class FakeTtsEngine implements TtsEngine {
  readonly name = "formant";
  readonly streams: FakeSpeechStream[] = [];
  hold = false;
  failAfter: number | undefined;
  disposed = false;

  speak(request: SpeechRequest): FakeSpeechStream {
    const stream = new FakeSpeechStream(request, this);
    this.streams.push(stream);
    return stream;
  }

  reset(): void {
    this.streams.length = 0;
    this.hold = false;
    this.failAfter = undefined;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}

export class FakeSpeechStream implements SpeechStream {
  readonly pushed: string[] = [];
  closed = false;
  cancelled = false;
  yielded = 0;
  private buffer = "";
  private readonly ready: SpokenSentence[] = [];
  private released = 0;
  private wake: (() => void) | undefined;

  constructor(
    readonly request: SpeechRequest,
    private readonly engine: FakeTtsEngine,
  ) {}

  push(text: string): void {
    if (this.closed) throw new Error("push after close");
    this.pushed.push(text);
    this.buffer += text;
    for (let end = this.buffer.search(/[.!?]\s/); end >= 0; end = this.buffer.search(/[.!?]\s/)) {
      this.queue(this.buffer.slice(0, end + 1));
      this.buffer = this.buffer.slice(end + 2);
    }
  }

  close(): void {
    this.closed = true;
    if (this.buffer.trim()) this.queue(this.buffer.trim());
    this.buffer = "";
    this.notify();
  }

  cancel(): void {
    this.cancelled = true;
    this.notify();
  }

  /** Lets one held sentence out. */
  release(): void {
    this.released++;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SpokenSentence> {
    for (;;) {
      if (this.cancelled) return;
      const canGo = !this.engine.hold || this.released > this.yielded;
      if (this.ready.length > 0 && canGo) {
        if (this.engine.failAfter !== undefined && this.yielded >= this.engine.failAfter) throw new Error("the fake voice broke");
        this.yielded++;
        yield this.ready.shift()!;
        continue;
      }
      if (this.closed && this.ready.length === 0) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private queue(text: string): void {
    this.ready.push({ text: text.trim(), phonemes: "", samples: fakeVoice(text), sampleRate: FAKE_SAMPLE_RATE });
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
