import { describe, expect, it } from "vitest";
import { replyStream, type ReplyEvent } from "../../../../server/companion/reply";
import { asTokens, chunkings } from "./chunkings";

/** Random replies built from the pieces that make streaming hard: tags, abbreviations, numbers, CJK. */
const FRAGMENTS = [
  "Hello", "there", "my", "friend", "Dr.", "Smith", "e.g.", "3.5", "1,000", "at", "3:30", "we", "walked", "home",
  ",", ";", ":", "—", ".", "!", "?", "…", "...", "?!", '"', ")",
  "[happy]", "[joy]", "[wave]", "[nod]", "[point:the old tree]", "[citation needed]", "[", "]", "[hap",
  "今日は", "いい天気", "。", "！", "、", "\n",
];

function randomReply(seed: number): string {
  let state = seed;
  const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
  const length = 5 + Math.floor(random() * 25);
  return Array.from({ length }, () => FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]! + (random() < 0.7 ? " " : "")).join("");
}

async function events(chunks: readonly string[]): Promise<ReplyEvent[]> {
  const all: ReplyEvent[] = [];
  for await (const event of replyStream(asTokens(chunks))) all.push(event);
  return all;
}

describe("replyStream under every chunking of random replies", () => {
  it.each(Array.from({ length: 30 }, (_, i) => [i + 1]))("random reply #%i gives the same events however it is chunked", async (seed) => {
    const text = randomReply(seed);
    const expected = await events([text]);
    for (const chunks of chunkings(text)) expect(await events(chunks), JSON.stringify(chunks)).toEqual(expected);
    // Nothing that looks like one of our tags is ever spoken.
    const done = expected.at(-1)!;
    expect(done.type === "done" && /\[(happy|joy|wave|nod|point:[^\]]*)\]/.test(done.text)).toBe(false);
  });
});
