/**
 * Ways to cut one text into stream chunks: whole, one character at a time, in two at every
 * position, and a few seeded random cuttings. Stream parsers must give the same result for all.
 */
export function chunkings(text: string): string[][] {
  const characters = Array.from(text);
  const result: string[][] = [[text], characters];
  for (let i = 1; i < characters.length; i++) result.push([characters.slice(0, i).join(""), characters.slice(i).join("")]);
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 20; round++) {
    const chunks: string[] = [];
    let current = "";
    for (const character of characters) {
      current += character;
      if (random() < 0.3) {
        chunks.push(current);
        current = "";
      }
    }
    if (current) chunks.push(current);
    result.push(chunks);
  }
  return result;
}

export async function* asTokens(chunks: readonly string[]): AsyncGenerator<string> {
  for (const chunk of chunks) yield chunk;
}
