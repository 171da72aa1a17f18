import type { Action, Emotion } from "../../../shared/persona";
import { InlineTagParser, type TaggedPiece } from "./inlineTagParser";
import { joinSentences, type ReplyEvent, type SentenceEvent } from "./replyEvents";
import { SentenceSplitter, type SentenceSpan } from "./sentenceSplitter";
import type { Tag } from "./tagVocabulary";

export interface ReplyStreamOptions {
  /** Once aborted, nothing more is said: not even the sentences already complete. */
  signal?: AbortSignal;
  /** Told why the token stream failed (the reply then ends with `interrupted: true`). */
  onError?: (error: unknown) => void;
}

/**
 * A model's token stream as a stream of sentences with their emotions and gestures, then `done`.
 * It never throws: a failing token stream ends the reply early, keeping the sentences that were
 * complete, and reports the failure through `onError`.
 */
export async function* replyStream(tokens: AsyncIterable<string>, options: ReplyStreamOptions = {}): AsyncGenerator<ReplyEvent> {
  const assembler = new ReplyAssembler();
  const said: string[] = [];
  const emit = function* (events: SentenceEvent[]) {
    for (const event of events) {
      if (options.signal?.aborted) return;
      said.push(event.text);
      yield event;
    }
  };
  let interrupted = false;
  try {
    for await (const token of tokens) {
      yield* emit(assembler.push(token));
      // Checked after our own yields too: the consumer may abort while holding a sentence.
      if (options.signal?.aborted) break;
    }
    interrupted = options.signal?.aborted ?? false;
  } catch (error) {
    interrupted = true;
    options.onError?.(error);
  }
  if (!options.signal?.aborted) yield* emit(interrupted ? assembler.completeOnly() : assembler.end());
  yield { type: "done", text: joinSentences(said), interrupted };
}

interface PlacedTag {
  tag: Tag;
  /** Offset in the clean text where the tag stood. */
  offset: number;
}

/**
 * Ties tags to sentences by position: a tag belongs to the sentence whose text range holds it,
 * and tags after the last words belong to the last sentence. A finished sentence is therefore
 * held until the next words begin, because trailing tags ("Nice to meet you! [wave]") may follow.
 */
class ReplyAssembler {
  private readonly tags = new InlineTagParser();
  private readonly sentences = new SentenceSplitter();
  private offset = 0;
  /** Offset just after the last non-space character of clean text. */
  private wordsUntil = 0;
  private readonly placed: PlacedTag[] = [];
  private readonly ready: SentenceSpan[] = [];

  push(token: string): SentenceEvent[] {
    this.accept(this.tags.push(token));
    return this.releaseReady(false, false);
  }

  end(): SentenceEvent[] {
    this.accept(this.tags.end());
    this.ready.push(...this.sentences.end());
    const events = this.releaseReady(true, true);
    // A reply of tags only still waves or smiles.
    if (events.length === 0 && this.placed.length > 0) events.push(this.toEvent("", this.placed.splice(0)));
    return events;
  }

  /** After a failure: the sentences known to be complete, never a fragment. */
  completeOnly(): SentenceEvent[] {
    return this.releaseReady(true, false);
  }

  private accept(pieces: TaggedPiece[]): void {
    for (const piece of pieces) {
      if (piece.type !== "text") {
        this.placed.push({ tag: piece, offset: this.offset });
        continue;
      }
      const trimmedEnd = piece.text.trimEnd().length;
      if (trimmedEnd > 0) this.wordsUntil = this.offset + trimmedEnd;
      this.offset += piece.text.length;
      this.ready.push(...this.sentences.push(piece.text));
    }
  }

  /** `final`: no more text will come. `claimTrailing`: the last sentence takes the tags after it. */
  private releaseReady(final: boolean, claimTrailing: boolean): SentenceEvent[] {
    const events: SentenceEvent[] = [];
    while (this.ready.length > 0) {
      const span = this.ready[0]!;
      const isLast = claimTrailing && this.ready.length === 1;
      if (!final && this.wordsUntil <= span.end) break;
      this.ready.shift();
      const own = isLast ? this.placed.length : this.placed.findIndex((placed) => placed.offset >= span.end);
      events.push(this.toEvent(span.text, this.placed.splice(0, own === -1 ? this.placed.length : own)));
    }
    return events;
  }

  private toEvent(text: string, placed: PlacedTag[]): SentenceEvent {
    let emotion: Emotion | undefined;
    const actions: Action[] = [];
    for (const { tag } of placed) {
      if (tag.type === "emotion") emotion = tag.emotion;
      else actions.push(tag.action);
    }
    return emotion ? { type: "sentence", text, emotion, actions } : { type: "sentence", text, actions };
  }
}
