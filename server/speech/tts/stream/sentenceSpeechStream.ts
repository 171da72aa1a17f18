import type { SpeechStream, SpokenSentence } from "../ttsEngine";
import { cutSentences } from "./sentenceSegments";
import { SpokenSentenceQueue } from "./spokenSentenceQueue";

/**
 * A SpeechStream over any one-sentence synthesiser. Pushed text is cut into sentences
 * (cutSentences); each is synthesised as soon as it is complete, one at a time and in order, so
 * the first is spoken while later text is still arriving. `close` makes the rest the last one.
 */
export class SentenceSpeechStream implements SpeechStream {
  private readonly spoken = new SpokenSentenceQueue();
  private readonly toSynthesise: string[] = [];
  private text = "";
  private closed = false;
  private synthesising = false;

  constructor(private readonly synthesise: (sentence: string) => Promise<SpokenSentence>) {}

  push(text: string): void {
    if (typeof text !== "string") throw new TypeError("speech text must be a string");
    if (this.closed) throw new Error("this speech stream is closed: no more text can be pushed");
    // A barge-in may cancel while the reply is still arriving, or synthesis failed (the reader
    // hears why): late text is simply not spoken.
    if (this.spoken.ended) return;
    this.take(text, false);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.take("", true);
  }

  cancel(): void {
    this.toSynthesise.length = 0;
    this.spoken.cancel();
  }

  [Symbol.asyncIterator](): AsyncIterator<SpokenSentence> {
    return this.spoken[Symbol.asyncIterator]();
  }

  private take(text: string, final: boolean): void {
    if (this.spoken.ended) return;
    const { sentences, rest } = cutSentences(this.text + text, final);
    this.text = rest;
    this.toSynthesise.push(...sentences);
    void this.synthesiseWaiting();
  }

  private async synthesiseWaiting(): Promise<void> {
    if (this.synthesising) return;
    this.synthesising = true;
    try {
      // cancel() empties the list: the sentence being synthesised is the last one.
      for (let sentence = this.toSynthesise.shift(); sentence !== undefined; sentence = this.toSynthesise.shift()) {
        this.spoken.put(await this.synthesise(sentence));
      }
      if (this.closed) this.spoken.finish();
    } catch (error) {
      this.spoken.fail(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.synthesising = false;
    }
  }
}
