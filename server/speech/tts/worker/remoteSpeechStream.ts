import { SpokenSentenceQueue } from "../stream";
import type { SpeechStream, SpokenSentence } from "../ttsEngine";
import type { ToWorker } from "./workerProtocol";

/**
 * The main thread's handle on a SpeechStream that lives in the worker: text goes over as
 * messages, sentences come back into a queue. Cancelling ends the reading here at once; the worker
 * is told to stop synthesising.
 */
export class RemoteSpeechStream implements SpeechStream {
  readonly sentences = new SpokenSentenceQueue();
  private closed = false;

  constructor(
    private readonly id: number,
    private readonly send: (message: ToWorker) => void,
  ) {}

  push(text: string): void {
    if (typeof text !== "string") throw new TypeError("speech text must be a string");
    if (this.closed) throw new Error("this speech stream is closed: no more text can be pushed");
    // Cancelled, or the worker failed (the reader hears why): late text is simply not spoken.
    if (this.sentences.ended) return;
    this.send({ type: "push", id: this.id, text });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.sentences.ended) this.send({ type: "close", id: this.id });
  }

  cancel(): void {
    if (this.sentences.ended) return;
    this.sentences.cancel();
    this.send({ type: "cancel", id: this.id });
  }

  [Symbol.asyncIterator](): AsyncIterator<SpokenSentence> {
    return this.sentences[Symbol.asyncIterator]();
  }
}
