import { describe, expect, it } from "vitest";
import { InlineTagParser, interpretTag, type TaggedPiece } from "../../../../server/companion/reply";
import { chunkings } from "./chunkings";

function parse(chunks: readonly string[]): TaggedPiece[] {
  const parser = new InlineTagParser();
  const pieces = [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
  // Text may arrive in more or fewer pieces depending on chunking; merge neighbours to compare.
  return pieces.reduce<TaggedPiece[]>((merged, piece) => {
    const last = merged.at(-1);
    if (piece.type === "text" && last?.type === "text") merged[merged.length - 1] = { type: "text", text: last.text + piece.text };
    else merged.push(piece);
    return merged;
  }, []);
}

const text = (value: string): TaggedPiece => ({ type: "text", text: value });

describe("interpretTag", () => {
  it.each([
    ["happy", { type: "emotion", emotion: "happy" }],
    ["Joy", { type: "emotion", emotion: "happy" }],
    ["glad", { type: "emotion", emotion: "happy" }],
    ["upset", { type: "emotion", emotion: "sad" }],
    ["unhappy", { type: "emotion", emotion: "sad" }],
    ["mad", { type: "emotion", emotion: "angry" }],
    ["annoyed", { type: "emotion", emotion: "angry" }],
    ["shocked", { type: "emotion", emotion: "surprised" }],
    ["wow", { type: "emotion", emotion: "surprised" }],
    ["calm", { type: "emotion", emotion: "relaxed" }],
    ["content", { type: "emotion", emotion: "relaxed" }],
    [" neutral ", { type: "emotion", emotion: "neutral" }],
    ["wave", { type: "action", action: { name: "wave" } }],
    ["waves", { type: "action", action: { name: "wave" } }],
    ["nod", { type: "action", action: { name: "nod" } }],
    ["shake", { type: "action", action: { name: "shake" } }],
    ["shakes head", { type: "action", action: { name: "shake" } }],
    ["point:the fountain", { type: "action", action: { name: "point", target: "the fountain" } }],
    ["point: the  old   tree ", { type: "action", action: { name: "point", target: "the old tree" } }],
    ["point", { type: "action", action: { name: "point" } }],
  ])("[%s] is a tag", (inner, expected) => {
    expect(interpretTag(inner)).toEqual(expected);
  });

  it.each(["citation needed", "1", "", "happy:very", "nod:yes", "wave hello"])("[%s] is not a tag", (inner) => {
    expect(interpretTag(inner)).toBeUndefined();
  });
});

describe("InlineTagParser", () => {
  const cases: [string, TaggedPiece[]][] = [
    ["[happy] Hello there!", [{ type: "emotion", emotion: "happy" }, text(" Hello there!")]],
    ["Hi [wave] you.", [text("Hi "), { type: "action", action: { name: "wave" } }, text(" you.")]],
    ["Look [point:the big fountain] there", [text("Look "), { type: "action", action: { name: "point", target: "the big fountain" } }, text(" there")]],
    ["A fact [citation needed] here.", [text("A fact [citation needed] here.")]],
    ["Array a[1] and [joy]!", [text("Array a[1] and "), { type: "emotion", emotion: "happy" }, text("!")]],
    ["Odd [ [sad] nest", [text("Odd [ "), { type: "emotion", emotion: "sad" }, text(" nest")]],
    ["Never closed [hap", [text("Never closed ")]],
    ["Never closed [hello", [text("Never closed [hello")]],
    ["[nod][shake][surprised]", [{ type: "action", action: { name: "nod" } }, { type: "action", action: { name: "shake" } }, { type: "emotion", emotion: "surprised" }]],
    [`Long [point:${"x".repeat(80)}] end`, [text(`Long [point:${"x".repeat(80)}] end`)]],
    ["Stray ] bracket [mad].", [text("Stray ] bracket "), { type: "emotion", emotion: "angry" }, text(".")]],
  ];

  it.each(cases)("parses %j the same under every chunking", (input, expected) => {
    for (const chunks of chunkings(input)) expect(parse(chunks), JSON.stringify(chunks)).toEqual(expected);
  });

  it("never emits a partial tag as text while waiting for its end", () => {
    const parser = new InlineTagParser();
    expect(parser.push("Hello [ha")).toEqual([text("Hello ")]);
    expect(parser.push("pp")).toEqual([]);
    expect(parser.push("y] you")).toEqual([{ type: "emotion", emotion: "happy" }, text(" you")]);
  });

  it("lets go of a bracket as soon as it cannot be a tag", () => {
    const parser = new InlineTagParser();
    expect(parser.push("see [x")).toEqual([text("see [x")]);
  });
});
