import { crc32, deflateSync } from "node:zlib";

/**
 * Cards and PNGs built by the tests themselves. The PNG code here is written independently of
 * server/companions/cards so a shared mistake cannot make both sides agree.
 */

export function v2Card(overrides: Record<string, unknown> = {}) {
  return {
    spec: "chara_card_v2",
    spec_version: "2.0",
    data: {
      name: "Captain Mirela Voss",
      description: "{{char}} commands the airship Kestrel and owes {{user}} a favour.",
      personality: "gruff, loyal; hums sea shanties\ncounts everything twice",
      scenario: "The Kestrel is docked at a floating market.",
      first_mes: "*She tips her hat.* Aboard, then.",
      mes_example: "<START>\n{{user}}: Where to?\n{{char}}: Wherever the wind owes us money.",
      creator_notes: "Works best with slow-burn adventure.",
      system_prompt: "{{original}} Stay in character as a sky captain.",
      post_history_instructions: "Keep replies under 120 words.",
      alternate_greetings: ["The storm is close. Hold on.", "You again? Good."],
      character_book: {
        name: "Kestrel lore",
        scan_depth: 4,
        extensions: { "kindred-test/book": true },
        entries: [
          {
            keys: ["Kestrel", "airship"],
            content: "The Kestrel is a patched cloud-whaler.",
            extensions: { depth: 2 },
            enabled: true,
            insertion_order: 10,
            case_sensitive: false,
            position: "after_char",
            some_tool_only_field: [1, 2, 3],
          },
        ],
      },
      tags: ["adventure", "airship"],
      creator: "test-suite",
      character_version: "1.4",
      extensions: { talkativeness: "0.5", "kindred-test/custom": { nested: ["kept", 1, null] } },
      an_unknown_data_field: { from: "another tool" },
      ...overrides,
    },
  };
}

export function v3Card(overrides: Record<string, unknown> = {}) {
  const { data } = v2Card();
  return {
    spec: "chara_card_v3",
    spec_version: "3.0",
    data: {
      ...data,
      nickname: "Cap",
      creator_notes_multilingual: { en: "Slow-burn adventure.", de: "Langsames Abenteuer." },
      source: ["https://example.test/cards/mirela"],
      group_only_greetings: ["Crew, listen up."],
      creation_date: 1_700_000_000,
      modification_date: 1_700_000_500,
      assets: [{ type: "icon", uri: "ccdefault:", name: "main", ext: "png" }],
      ...overrides,
    },
  };
}

export interface TestChunk {
  type: string;
  data: Uint8Array;
}

export function textChunk(keyword: string, text: string): TestChunk {
  return { type: "tEXt", data: Buffer.from(`${keyword}\0${text}`, "latin1") };
}

export function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64");
}

/** A 1×1 grey PNG with `extra` chunks after IHDR. */
export function pngWith(extra: TestChunk[]): Uint8Array<ArrayBuffer> {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const idat = deflateSync(Buffer.from([0, 0x80])); // one scanline: filter byte, one grey pixel
  const chunks = [{ type: "IHDR", data: ihdr }, ...extra, { type: "IDAT", data: idat }, { type: "IEND", data: new Uint8Array() }];
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), ...chunks.map(encodeChunk)]));
}

function encodeChunk({ type, data }: TestChunk): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

/** The chunks of a PNG, checking every CRC (for asserting on exported files). */
export function chunksOf(png: Uint8Array): TestChunk[] {
  const bytes = Buffer.from(png);
  if (!bytes.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))) throw new Error("no PNG signature");
  const chunks: TestChunk[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const typeAndData = bytes.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== bytes.readUInt32BE(at + 8 + length)) throw new Error("bad CRC");
    chunks.push({ type: typeAndData.subarray(0, 4).toString("latin1"), data: typeAndData.subarray(4) });
    at += 12 + length;
  }
  return chunks;
}

/** keyword → decoded card JSON of every tEXt chunk. */
export function cardChunksOf(png: Uint8Array): Record<string, unknown> {
  const texts: Record<string, unknown> = {};
  for (const { type, data } of chunksOf(png)) {
    if (type !== "tEXt") continue;
    const [keyword, text] = Buffer.from(data).toString("latin1").split("\0") as [string, string];
    texts[keyword] = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  }
  return texts;
}
