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
 * and a tag between two sentences to the one after it ("Hi! [wave] Nice to meet you." waves
 * with the second). Tags after the last sentence form a final event without words, so
 * "Nice to meet you! [wave]" still waves. No sentence waits for what follows it: each is released
 * the moment the splitter knows it is over, and the placement stays the same however the reply
 * was chunked.
 */
class ReplyAssembler {
  private readonly tags = new InlineTagParser();
  private readonly sentences = new SentenceSplitter();
  private offset = 0;
  private readonly placed: PlacedTag[] = [];
  private readonly events: SentenceEvent[] = [];

  push(token: string): SentenceEvent[] {
    this.accept(this.tags.push(token));
    return this.events.splice(0);
  }

  end(): SentenceEvent[] {
    this.accept(this.tags.end());
    this.release(this.sentences.end());
    // Tags after the last words (or a reply of tags only) still wave or smile.
    if (this.placed.length > 0) this.events.push(this.toEvent("", this.placed.splice(0)));
    return this.events.splice(0);
  }

  /** After a failure: the sentences known to be complete, never a fragment. */
  completeOnly(): SentenceEvent[] {
    return this.events.splice(0);
  }

  private accept(pieces: TaggedPiece[]): void {
    for (const piece of pieces) {
      if (piece.type !== "text") {
        this.placed.push({ tag: piece, offset: this.offset });
        continue;
      }
      this.offset += piece.text.length;
      this.release(this.sentences.push(piece.text));
    }
  }

  private release(spans: SentenceSpan[]): void {
    for (const span of spans) {
      const after = this.placed.findIndex((placed) => placed.offset >= span.end);
      this.events.push(this.toEvent(span.text, this.placed.splice(0, after === -1 ? this.placed.length : after)));
    }
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
