import type { Action, Emotion } from "../../../shared/persona";

/** One speakable sentence, with the expression and gestures the model tagged inside it. */
export interface SentenceEvent {
  type: "sentence";
  /** Clean text: tags removed. Empty only for a reply that was all tags and no words. */
  text: string;
  /** The last emotion tagged in this sentence. */
  emotion?: Emotion;
  actions: Action[];
}

export interface DoneEvent {
  type: "done";
  /** Everything said in this reply, as shown and spoken. */
  text: string;
  /** True when the reply was cut short (barge-in, stop, or a failing model). */
  interrupted: boolean;
}

export type ReplyEvent = SentenceEvent | DoneEvent;

/** Sentences joined for display and history; CJK sentences need no space between them. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.reduce((joined, sentence) => {
    if (!joined || !sentence) return joined + sentence;
    return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}。！？」』）]$/u.test(joined) ? joined + sentence : `${joined} ${sentence}`;
  }, "");
}
