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
    ["Oh! Really?! Yes…  Fine.", ["Oh!", "Really?", "Yes…", "Fine."]],
    ['She said "hi." Then left.', ['She said "hi.', "Then left."]],
    ["(Or so I heard.) Fine.", ["(Or so I heard.", "Fine."]],
    ["Dr. Smith met Mr. Jones. They talked.", ["Dr. Smith met Mr. Jones.", "They talked."]],
    ["Bring fruit, e.g. apples. Or not.", ["Bring fruit, e.g. apples.", "Or not."]],
    ["It costs 3.5 euros. Cheap.", ["It costs 3.5 euros.", "Cheap."]],
    ["J. R. R. Tolkien wrote it. Yes.", ["J. R. R. Tolkien wrote it.", "Yes."]],
    // A "." after a word ends the sentence at once: a rare web address in a spoken reply pays for it.
    ["Visit example.com today. Now.", ["Visit example.", "com today.", "Now."]],
    ["It costs 3. Cheap.", ["It costs 3.", "Cheap."]],
    ["Sure. Bring fruit, i.e. apples, at 9 a.m. today.", ["Sure.", "Bring fruit, i.e. apples, at 9 a.m. today."]],
    ["Wait... what? Okay.", ["Wait.", "what?", "Okay."]],
    ["So 3... what? Okay.", ["So 3...", "what?", "Okay."]],
    ["... Well. Hm.", ["... Well.", "Hm."]],
    ["今日はいい天気ですね。散歩しましょう！どう？", ["今日はいい天気ですね。", "散歩しましょう！", "どう？"]],
    ["「行こう。」と言った。", ["「行こう。", "と言った。"]],
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

  it("releases a sentence with the chunk that ends it, without waiting for the next one", () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push("Hello there.")).toEqual([{ text: "Hello there.", start: 0, end: 12 }]);
    expect(splitter.push(" How are you?")).toEqual([{ text: "How are you?", start: 12, end: 25 }]);
    expect(splitter.push(" Wow!")).toEqual([{ text: "Wow!", start: 25, end: 30 }]);
    expect(splitter.push(" 今日は。")).toEqual([{ text: "今日は。", start: 30, end: 35 }]);
    expect(splitter.end()).toEqual([]);
  });

  it("drops the punctuation that trails an already released sentence, in this chunk or a later one", () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('She said "Really?')).toEqual([{ text: 'She said "Really?', start: 0, end: 17 }]);
    expect(splitter.push("!")).toEqual([]);
    expect(splitter.push('" Then')).toEqual([]);
    expect(splitter.push(" she left.)")).toEqual([{ text: "Then she left.", start: 19, end: 34 }]);
    expect(splitter.end()).toEqual([]);
  });

  it("waits for the next character after a full stop that may not end anything", () => {
    for (const [first, second, expected] of [
      ["Meet Dr.", " Smith.", "Meet Dr. Smith."],
      ["Fruit, e.", "g. apples.", "Fruit, e.g. apples."],
      ["By J.", " R. R. Tolkien.", "By J. R. R. Tolkien."],
    ] as const) {
      const splitter = new SentenceSplitter();
      expect(splitter.push(first), first).toEqual([]);
      expect(splitter.push(second).map((span) => span.text), first).toEqual([expected]);
    }
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
