import { describeZodError } from "../../validation";
import { CardError } from "./cardError";
import { CardV2, CardV3, type CharacterCard } from "./cardSchema";
import { isPng, pngTextChunks, readPngChunks } from "./pngChunks";

export const CARD_PNG_MAX_BYTES = 2 * 1024 * 1024;
export const CARD_JSON_MAX_BYTES = 256 * 1024;

/** The tEXt keywords cards live under; V3 is preferred when a file carries both. */
export const V3_CHUNK = "ccv3";
export const V2_CHUNK = "chara";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * A Character Card V2 or V3 from a PNG (the card base64-encoded in a `ccv3` or `chara` tEXt
 * chunk), from JSON bytes or text, or from an already parsed JSON value. Anything else, or
 * anything oversized, is a CardError saying what is wrong. Bytes declared as a PNG must be one.
 */
export function parseCard(input: Uint8Array | string | object, { declared }: { declared?: "png" | "json" } = {}): CharacterCard {
  if (input instanceof Uint8Array) return isPng(input) || declared === "png" ? parsePngCard(input) : parseJsonCard(input);
  if (typeof input === "string") return parseJsonCard(new TextEncoder().encode(input));
  return validateCard(input);
}

function parsePngCard(bytes: Uint8Array): CharacterCard {
  if (bytes.length > CARD_PNG_MAX_BYTES) throw new CardError("too_large", `card PNG is larger than ${CARD_PNG_MAX_BYTES} bytes`);
  const texts = pngTextChunks(readPngChunks(bytes));
  const keyword = texts.has(V3_CHUNK) ? V3_CHUNK : V2_CHUNK;
  const encoded = texts.get(keyword);
  if (encoded === undefined) throw new CardError("invalid", `PNG has no "${V3_CHUNK}" or "${V2_CHUNK}" text chunk: it is not a character card`);
  const base64 = encoded.replace(/\s+/g, "");
  if (!BASE64.test(base64) || base64.length % 4 === 1) throw new CardError("invalid", `the PNG's "${keyword}" chunk is not valid base64`);
  return parseJsonCard(Buffer.from(base64, "base64"), `the PNG's "${keyword}" chunk`);
}

function parseJsonCard(bytes: Uint8Array, where = "card"): CharacterCard {
  if (bytes.length > CARD_JSON_MAX_BYTES) throw new CardError("too_large", `${where} JSON is larger than ${CARD_JSON_MAX_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    const start = bytes.findIndex((byte) => !isJsonSpace(byte));
    if (where === "card" && bytes[start] !== 0x7b) throw new CardError("invalid", "not a character card: expected a PNG image or a JSON object");
    throw new CardError("invalid", `${where} is not valid UTF-8 JSON`);
  }
  return validateCard(value);
}

function validateCard(value: unknown): CharacterCard {
  const spec = typeof value === "object" && value !== null && "spec" in value ? value.spec : undefined;
  const schema = spec === "chara_card_v3" ? CardV3 : spec === "chara_card_v2" ? CardV2 : undefined;
  if (!schema) throw new CardError("invalid", 'card JSON is invalid: spec must be "chara_card_v2" or "chara_card_v3"');
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CardError("invalid", `card JSON is invalid: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

function isJsonSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}
