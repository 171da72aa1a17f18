import { describe, expect, it } from "vitest";
import { cutSentences } from "../../../../../server/speech/tts/stream/sentenceSegments";

describe("cutSentences", () => {
  it("releases complete sentences and keeps the unfinished rest", () => {
    expect(cutSentences("It is sunny. Shall we walk? Maybe to the", false)).toEqual({
      sentences: ["It is sunny.", "Shall we walk?"],
      rest: "Maybe to the",
    });
  });

  it("takes a piece that ends a sentence and a space as complete, and everything when final", () => {
    expect(cutSentences("I am here. ", false)).toEqual({ sentences: ["I am here."], rest: "" });
    expect(cutSentences("I am here.", false)).toEqual({ sentences: [], rest: "I am here." });
    expect(cutSentences("and then", true)).toEqual({ sentences: ["and then"], rest: "" });
    expect(cutSentences("  ", true)).toEqual({ sentences: [], rest: "" });
  });

  it("does not end a sentence at a title, an initial or a decimal point", () => {
    expect(cutSentences("Dr. Smith met J. R. Tolkien, who paid 3.5 dollars. Then", false).sentences).toEqual([
      "Dr. Smith met J. R. Tolkien, who paid 3.5 dollars.",
    ]);
  });
});
