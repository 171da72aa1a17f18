/**
 * Cuts a streamed reply into speakable sentences as soon as each one is certainly over, so speech
 * can start long before the model finishes. The first sentence may be cut early at a clause
 * boundary once it has a few words: the listener hears something sooner.
 *
 * Every decision depends only on the text, never on how it was chunked. "!", "?", "…", "。" and a
 * "." after an ordinary word end a sentence the moment they arrive, whatever follows: the
 * punctuation run right after such an end ("?!", '."', "...", "」") is not spoken and is dropped,
 * because the sentence was already released without it. Only a "." that may not end anything
 * (after a digit, a single letter or a known abbreviation: "3.5", "J. R.", "Dr.") waits for the
 * next character. Offsets let callers attach inline tags to the sentence they appeared in.
 */

export interface SentenceSpan {
  /** Trimmed, with runs of whitespace collapsed. */
  text: string;
  /** Offsets of the raw text this sentence covers, in the whole stream. */
  start: number;
  end: number;
}

/** Words the first sentence needs before a clause boundary may end it early. */
export const EARLY_RELEASE_MIN_WORDS = 4;
/** A sentence running this long without a boundary is cut at a space, so speech is not starved. */
export const MAX_SENTENCE_LENGTH = 300;

const SENTENCE_ENDS = new Set([".", "!", "?", "…"]);
const CJK_SENTENCE_ENDS = new Set(["。", "！", "？"]);
const CLOSERS = new Set(['"', "'", ")", "]", "”", "’", "»", "」", "』", "）", "】"]);
/** What may trail a sentence's end without being a sentence of its own. */
const isEndingPunctuation = (char: string) => isSentenceEnd(char) || CLOSERS.has(char);
const SPACED_CLAUSE_MARKS = new Set([",", ";", ":"]);
const UNSPACED_CLAUSE_MARKS = new Set(["—", "，", "、", "；", "："]);
const ABBREVIATIONS = new Set([
  "dr", "mr", "mrs", "ms", "mx", "prof", "st", "sr", "jr", "vs", "e.g", "i.e", "cf", "approx", "fig",
  "mt", "a.m", "p.m", "u.s", "u.k", "inc", "ltd", "bzw", "z.b", "usw", "sra", "mme", "mlle",
]);
const HAS_WORD = /[\p{L}\p{N}]/u;
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;

/** Where a sentence ends; `immediate` when it ended on its first ending mark, released at once. */
type Scan = { cut: number; immediate: boolean } | "wait" | "none";

export class SentenceSplitter {
  private buffer = "";
  private bufferStart = 0;
  private releasedAny = false;
  /** The last sentence ended at once on its ending mark: the punctuation run after it is dropped. */
  private droppingTrail = false;

  push(text: string): SentenceSpan[] {
    this.buffer += text;
    return this.release(false);
  }

  /** The stream ended: what remains is the last sentence. */
  end(): SentenceSpan[] {
    return this.release(true);
  }

  private release(final: boolean): SentenceSpan[] {
    const spans: SentenceSpan[] = [];
    for (;;) {
      this.dropTrail();
      const scan = findBoundary(this.buffer, spans.length === 0 && !this.releasedAny, final);
      if (scan === "wait" || scan === "none") break;
      const span = this.take(scan.cut);
      if (span.text) spans.push(span);
      this.droppingTrail = scan.immediate;
    }
    if (final) {
      const rest = this.take(this.buffer.length);
      // A trailing "…" alone is no sentence to speak; a reply of only "…" still says it.
      if (rest.text && (HAS_WORD.test(rest.text) || (spans.length === 0 && !this.releasedAny))) spans.push(rest);
    }
    if (spans.length > 0) this.releasedAny = true;
    return spans;
  }

  private dropTrail(): void {
    if (!this.droppingTrail) return;
    const trail = skipWhile(this.buffer, 0, isEndingPunctuation);
    this.buffer = this.buffer.slice(trail);
    this.bufferStart += trail;
    if (this.buffer) this.droppingTrail = false;
  }

  private take(cut: number): SentenceSpan {
    const span = { text: tidy(this.buffer.slice(0, cut)), start: this.bufferStart, end: this.bufferStart + cut };
    this.buffer = this.buffer.slice(cut);
    this.bufferStart += cut;
    return span;
  }
}

function findBoundary(buffer: string, allowEarly: boolean, final: boolean): Scan {
  let sawWord = false;
  for (let i = 0; i < buffer.length; i++) {
    if (i >= MAX_SENTENCE_LENGTH) return { cut: lastSpaceBefore(buffer, i), immediate: false };
    const char = buffer[i]!;
    sawWord ||= HAS_WORD.test(char);
    // A candidate without a word ("…") joins the sentence that follows it.
    if (!sawWord) continue;
    const cut = boundaryAt(buffer, i, char, allowEarly, final);
    if (cut === "wait") return "wait";
    if (cut !== undefined) return { cut, immediate: cut === i + 1 && isSentenceEnd(char) };
  }
  return "none";
}

/** Where a sentence ending at `i` would be cut, undefined if `i` ends none, "wait" if unknowable yet. */
function boundaryAt(buffer: string, i: number, char: string, allowEarly: boolean, final: boolean): number | "wait" | undefined {
  if (char === "\n") return i + 1;
  if (CJK_SENTENCE_ENDS.has(char)) return i + 1;
  if (SENTENCE_ENDS.has(char)) {
    // A run like "?!" or '."' ends together; the previous character must not be part of it.
    if (i > 0 && SENTENCE_ENDS.has(buffer[i - 1]!)) return undefined;
    if (char !== "." || !mayContinueAfterDot(buffer.slice(0, i))) return i + 1;
    const after = skipWhile(buffer, i + 1, (c) => SENTENCE_ENDS.has(c) || CLOSERS.has(c));
    if (after === buffer.length) return final ? after : "wait";
    if (!/\s/.test(buffer[after]!)) return undefined;
    if (char === "." && after === i + 1 && isAbbreviation(buffer.slice(0, i))) return undefined;
    return after;
  }
  if (!allowEarly) return undefined;
  if (UNSPACED_CLAUSE_MARKS.has(char)) return hasEnoughWords(buffer.slice(0, i)) ? i + 1 : undefined;
  if (SPACED_CLAUSE_MARKS.has(char)) {
    if (!hasEnoughWords(buffer.slice(0, i))) return undefined;
    if (i + 1 === buffer.length) return final ? undefined : "wait";
    return /\s/.test(buffer[i + 1]!) ? i + 1 : undefined;
  }
  return undefined;
}

/** Whether a "." after `before` may be part of a number, initials or an abbreviation. */
function mayContinueAfterDot(before: string): boolean {
  if (/\p{N}$/u.test(before)) return true;
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  // One letter may be an initial or the start of "e.g.", "a.m.", "U.S.".
  return word !== undefined && (/^\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase()));
}

function isSentenceEnd(char: string): boolean {
  return SENTENCE_ENDS.has(char) || CJK_SENTENCE_ENDS.has(char);
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1];
  if (!word) return false;
  // Initials ("J. R. R. Tolkien") and known short forms; a digit before "." is a number or a list.
  return /^\p{Lu}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

function hasEnoughWords(text: string): boolean {
  return (text.match(WORD)?.length ?? 0) >= EARLY_RELEASE_MIN_WORDS;
}

function skipWhile(text: string, from: number, test: (char: string) => boolean): number {
  let i = from;
  while (i < text.length && test(text[i]!)) i++;
  return i;
}

function lastSpaceBefore(text: string, limit: number): number {
  const space = text.lastIndexOf(" ", limit);
  return space > 0 ? space + 1 : limit;
}

/** Whitespace collapsed; a removed tag must not leave a space before a comma or full stop. */
function tidy(text: string): string {
  return text.replace(/\s+/g, " ").replace(/ ([,.])(?=\s|$)/g, "$1").trim();
}
