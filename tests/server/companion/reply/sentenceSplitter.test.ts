import { describe, expect, it } from "vitest";
import { SentenceSplitter } from "../../../../server/companion/reply";
import { chunkings } from "./chunkings";

function split(chunks: readonly string[]): string[] {
  const splitter = new SentenceSplitter();
  return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()].map((span) => span.text);
}

describe("SentenceSplitter", () => {
  const cases: [string, string[]][] = [
    ["Hello. How are you?", ["Hello.", "How are you?"]],
    ["Oh! Really?! Yes…  Fine.", ["Oh!", "Really?!", "Yes…", "Fine."]],
    ['She said "hi." Then left.', ['She said "hi."', "Then left."]],
    ["Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]],
    ["Bring fruit, e.g. apples. Or not.", ["Bring fruit, e.g. apples.", "Or not."]],
    ["It costs 3.5 euros. Cheap.", ["It costs 3.5 euros.", "Cheap."]],
    ["J. R. R. Tolkien wrote it. Yes.", ["J. R. R. Tolkien wrote it.", "Yes."]],
    ["Visit example.com today. Now.", ["Visit example.com today.", "Now."]],
    ["Wait... what? Okay.", ["Wait...", "what?", "Okay."]],
    ["... Well. Hm.", ["... Well.", "Hm."]],
    ["今日はいい天気ですね。散歩しましょう！どう？", ["今日はいい天気ですね。", "散歩しましょう！", "どう？"]],
    ["「行こう。」と言った。", ["「行こう。」", "と言った。"]],
    ["Line one\nLine two", ["Line one", "Line two"]],
    ["no ending at all", ["no ending at all"]],
    ["Hello!  …", ["Hello!"]],
    ["…", ["…"]],
    ["", []],
    ["   ", []],
  ];
  it.each(cases)("splits %j the same under every chunking", (text, expected) => {
    for (const chunks of chunkings(text)) expect(split(chunks), JSON.stringify(chunks)).toEqual(expected);
  });

  describe("releases the first sentence early at a clause boundary", () => {
    const early: [string, string[]][] = [
      ["Well, I was thinking about it, and then I went home. Ok, fine, sure, yes.", ["Well, I was thinking about it,", "and then I went home.", "Ok, fine, sure, yes."]],
      ["Hi, you.", ["Hi, you."]],
      ["The weather here is lovely; let us walk.", ["The weather here is lovely;", "let us walk."]],
      ["Four words right here: and more.", ["Four words right here:", "and more."]],
      ["Those four words came—then more.", ["Those four words came—", "then more."]],
      ["Numbers like 1,000,000 stay whole. Yes.", ["Numbers like 1,000,000 stay whole.", "Yes."]],
      ["It is at 3:30 today, right? Yes.", ["It is at 3:30 today,", "right?", "Yes."]],
      ["今日は本当に、いい天気ですね。", ["今日は本当に、", "いい天気ですね。"]],
    ];
    it.each(early)("%j", (text, expected) => {
      for (const chunks of chunkings(text)) expect(split(chunks), JSON.stringify(chunks)).toEqual(expected);
    });
  });

  it("releases a sentence as soon as it is certainly over, before the stream ends", () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push("Hello there.")).toEqual([]);
    expect(splitter.push(" How")).toEqual([{ text: "Hello there.", start: 0, end: 12 }]);
    expect(splitter.push(" are you?")).toEqual([]);
    expect(splitter.end()).toEqual([{ text: "How are you?", start: 12, end: 25 }]);
  });

  it("waits for the character after a full stop before deciding", () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push("It costs 3.")).toEqual([]);
    expect(splitter.push("5 euros. ")).toEqual([{ text: "It costs 3.5 euros.", start: 0, end: 19 }]);
  });

  it("cuts a sentence that never ends at a space so speech is not starved", () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(" ");
    for (const chunks of [[words], words.match(/.{1,7}/g)!]) {
      const sentences = split(chunks);
      expect(sentences.length).toBeGreaterThan(1);
      expect(sentences.join(" ")).toBe(words);
      for (const sentence of sentences) expect(sentence.length).toBeLessThanOrEqual(300);
    }
  });
});
