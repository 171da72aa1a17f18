import { couldBecomeTag, interpretTag, MAX_TAG_LENGTH, type Tag } from "./tagVocabulary";

export type TaggedPiece = { type: "text"; text: string } | Tag;

/**
 * Separates inline tags (`[happy]`, `[wave]`, `[point:the fountain]`) from the words of a streamed
 * reply. A `[` that may still become a known tag is held back until its `]` arrives or it can no
 * longer be one, so a tag split across chunks is never spoken as text; unknown bracketed text
 * ("[citation]") passes through unchanged.
 */
export class InlineTagParser {
  private held = "";

  push(chunk: string): TaggedPiece[] {
    this.held += chunk;
    return this.drain(false);
  }

  /** The stream ended: releases what was held. An unfinished known tag is dropped, not spoken. */
  end(): TaggedPiece[] {
    return this.drain(true);
  }

  private drain(final: boolean): TaggedPiece[] {
    const pieces: TaggedPiece[] = [];
    let text = "";
    let rest = this.held;
    const flushText = () => {
      if (text) pieces.push({ type: "text", text });
      text = "";
    };
    while (rest) {
      const open = rest.indexOf("[");
      if (open === -1) {
        text += rest;
        rest = "";
        break;
      }
      text += rest.slice(0, open);
      rest = rest.slice(open);
      const close = rest.indexOf("]");
      const nextOpen = rest.indexOf("[", 1);
      const closesFirst = close !== -1 && (nextOpen === -1 || close < nextOpen);
      if (closesFirst && close - 1 <= MAX_TAG_LENGTH) {
        const tag = interpretTag(rest.slice(1, close));
        if (tag) {
          flushText();
          pieces.push(tag);
        } else {
          text += rest.slice(0, close + 1);
        }
        rest = rest.slice(close + 1);
        continue;
      }
      const unclosed = close === -1 && nextOpen === -1;
      if (unclosed && rest.length - 1 <= MAX_TAG_LENGTH && couldBecomeTag(rest.slice(1))) {
        if (!final) break;
        rest = "";
        break;
      }
      // This `[` cannot open a tag: it is text, and scanning resumes after it.
      text += "[";
      rest = rest.slice(1);
    }
    flushText();
    this.held = rest;
    return pieces;
  }
}
