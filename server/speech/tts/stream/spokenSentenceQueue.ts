import type { SpokenSentence } from "../ttsEngine";

/**
 * The consumer's side of a SpeechStream: sentences wait here until they are read, in order.
 * `finish` lets the reader drain what is queued, `fail` throws after it, `cancel` ends the reading
 * at once and drops the rest. Whatever comes after the first of these is ignored.
 */
export class SpokenSentenceQueue implements AsyncIterable<SpokenSentence> {
  private readonly waiting: SpokenSentence[] = [];
  private state: "open" | "finished" | "failed" | "cancelled" = "open";
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  get ended(): boolean {
    return this.state !== "open";
  }

  get cancelled(): boolean {
    return this.state === "cancelled";
  }

  put(sentence: SpokenSentence): void {
    if (this.state !== "open") return;
    this.waiting.push(sentence);
    this.notify();
  }

  finish(): void {
    if (this.state !== "open") return;
    this.state = "finished";
    this.notify();
  }

  fail(error: Error): void {
    if (this.state !== "open") return;
    this.state = "failed";
    this.failure = error;
    this.notify();
  }

  cancel(): void {
    if (this.state === "cancelled") return;
    this.state = "cancelled";
    this.waiting.length = 0;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SpokenSentence> {
    for (;;) {
      if (this.state === "cancelled") return;
      const next = this.waiting.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.state === "failed") throw this.failure;
      if (this.state === "finished") return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
