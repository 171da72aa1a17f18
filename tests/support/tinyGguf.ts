import { writeFileSync } from "node:fs";
import { seededRandom } from "../../client/world/seededRandom";

/**
 * Writes a tiny llama-architecture GGUF (v3) with random F32 weights and a small SentencePiece-style
 * vocabulary, so tests exercise the real llama.cpp loading and generation code without a download.
 * The text it generates is gibberish; its shape is what matters. About 170 KB.
 */
export interface TinyGgufOptions {
  /** Seeds the weights: the same seed writes the same file. */
  seed?: number;
  contextLength?: number;
}

const EMBEDDING = 64;
const HEADS = 4;
const KV_HEADS = 2;
const FEED_FORWARD = 128;
const ALIGNMENT = 32;

/** Control tokens first (their ids are fixed by the metadata below), then bytes, then text pieces. */
const UNKNOWN_ID = 0;
const BOS_ID = 1;
const EOS_ID = 2;
/** After the three control tokens and the 256 byte tokens. */
const FIRST_TEXT_TOKEN = 3 + 256;

enum TokenType {
  Normal = 1,
  Unknown = 2,
  Control = 3,
  Byte = 6,
}

enum ValueType {
  Uint32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
}

type MetadataValue =
  | { type: ValueType.Uint32 | ValueType.Int32 | ValueType.Float32; value: number }
  | { type: ValueType.Bool; value: boolean }
  | { type: ValueType.String; value: string }
  | { type: ValueType.Array; items: ValueType.String; value: string[] }
  | { type: ValueType.Array; items: ValueType.Float32 | ValueType.Int32; value: number[] };

interface Tensor {
  name: string;
  /** ggml order: the fastest-varying dimension first. */
  dims: number[];
}

export function writeTinyGguf(filePath: string, options: TinyGgufOptions = {}): string {
  const vocabulary = tinyVocabulary();
  const random = seededRandom(options.seed ?? 1);
  const headDim = EMBEDDING / HEADS;
  const metadata: [string, MetadataValue][] = [
    ["general.architecture", { type: ValueType.String, value: "llama" }],
    ["general.name", { type: ValueType.String, value: "kindred-tiny-test" }],
    ["general.alignment", { type: ValueType.Uint32, value: ALIGNMENT }],
    ["general.file_type", { type: ValueType.Uint32, value: 0 }],
    ["llama.context_length", { type: ValueType.Uint32, value: options.contextLength ?? 512 }],
    ["llama.embedding_length", { type: ValueType.Uint32, value: EMBEDDING }],
    ["llama.block_count", { type: ValueType.Uint32, value: 1 }],
    ["llama.feed_forward_length", { type: ValueType.Uint32, value: FEED_FORWARD }],
    ["llama.attention.head_count", { type: ValueType.Uint32, value: HEADS }],
    ["llama.attention.head_count_kv", { type: ValueType.Uint32, value: KV_HEADS }],
    ["llama.rope.dimension_count", { type: ValueType.Uint32, value: headDim }],
    ["llama.attention.layer_norm_rms_epsilon", { type: ValueType.Float32, value: 1e-5 }],
    ["tokenizer.ggml.model", { type: ValueType.String, value: "llama" }],
    ["tokenizer.ggml.tokens", { type: ValueType.Array, items: ValueType.String, value: vocabulary.map((t) => t.text) }],
    ["tokenizer.ggml.scores", { type: ValueType.Array, items: ValueType.Float32, value: vocabulary.map((t) => t.score) }],
    ["tokenizer.ggml.token_type", { type: ValueType.Array, items: ValueType.Int32, value: vocabulary.map((t) => t.type) }],
    ["tokenizer.ggml.unknown_token_id", { type: ValueType.Uint32, value: UNKNOWN_ID }],
    ["tokenizer.ggml.bos_token_id", { type: ValueType.Uint32, value: BOS_ID }],
    ["tokenizer.ggml.eos_token_id", { type: ValueType.Uint32, value: EOS_ID }],
    ["tokenizer.ggml.add_bos_token", { type: ValueType.Bool, value: true }],
  ];
  const vocab = vocabulary.length;
  const tensors: Tensor[] = [
    { name: "token_embd.weight", dims: [EMBEDDING, vocab] },
    { name: "blk.0.attn_norm.weight", dims: [EMBEDDING] },
    { name: "blk.0.attn_q.weight", dims: [EMBEDDING, HEADS * headDim] },
    { name: "blk.0.attn_k.weight", dims: [EMBEDDING, KV_HEADS * headDim] },
    { name: "blk.0.attn_v.weight", dims: [EMBEDDING, KV_HEADS * headDim] },
    { name: "blk.0.attn_output.weight", dims: [HEADS * headDim, EMBEDDING] },
    { name: "blk.0.ffn_norm.weight", dims: [EMBEDDING] },
    { name: "blk.0.ffn_gate.weight", dims: [EMBEDDING, FEED_FORWARD] },
    { name: "blk.0.ffn_up.weight", dims: [EMBEDDING, FEED_FORWARD] },
    { name: "blk.0.ffn_down.weight", dims: [FEED_FORWARD, EMBEDDING] },
    { name: "output_norm.weight", dims: [EMBEDDING] },
    { name: "output.weight", dims: [EMBEDDING, vocab] },
  ];

  const writer = new ByteWriter();
  writer.bytes(Buffer.from("GGUF", "ascii"));
  writer.u32(3);
  writer.u64(tensors.length);
  writer.u64(metadata.length);
  for (const [key, value] of metadata) {
    writer.string(key);
    writeValue(writer, value);
  }
  const data: Float32Array[] = tensors.map((tensor) => tensorValues(tensor, random));
  let offset = 0;
  for (const [index, tensor] of tensors.entries()) {
    writer.string(tensor.name);
    writer.u32(tensor.dims.length);
    for (const dim of tensor.dims) writer.u64(dim);
    writer.u32(0); // GGML_TYPE_F32
    writer.u64(offset);
    offset = alignUp(offset + data[index]!.byteLength);
  }
  writer.padTo(ALIGNMENT);
  for (const values of data) {
    writer.bytes(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    writer.padTo(ALIGNMENT);
  }
  writeFileSync(filePath, writer.toBuffer());
  return filePath;
}

/**
 * Norm weights are ones; the rest is uniform noise, except the output rows of the control and byte
 * tokens: zero, so a greedy sampler always prefers a text piece (readable output, no end of text).
 */
function tensorValues(tensor: Tensor, random: () => number): Float32Array {
  const count = tensor.dims.reduce((a, b) => a * b, 1);
  const values = new Float32Array(count);
  if (tensor.name.endsWith("norm.weight")) return values.fill(1);
  for (let i = 0; i < count; i++) values[i] = (random() * 2 - 1) * 0.5;
  if (tensor.name === "output.weight") values.fill(0, 0, FIRST_TEXT_TOKEN * EMBEDDING);
  return values;
}

interface VocabularyToken {
  text: string;
  score: number;
  type: TokenType;
}

/** `▁` marks a leading space in SentencePiece vocabularies. */
function tinyVocabulary(): VocabularyToken[] {
  const tokens: VocabularyToken[] = [
    { text: "<unk>", score: 0, type: TokenType.Unknown },
    { text: "<s>", score: 0, type: TokenType.Control },
    { text: "</s>", score: 0, type: TokenType.Control },
  ];
  // Byte fallback: llama.cpp looks up the newline byte at load, and any text can be encoded.
  for (let byte = 0; byte < 256; byte++) {
    tokens.push({ text: `<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`, score: 0, type: TokenType.Byte });
  }
  const pieces = ["▁"];
  for (let code = 0x21; code < 0x7f; code++) pieces.push(String.fromCharCode(code));
  for (const word of ["hello", "the", "walk", "garden", "friend", "sun", "yes", "no", "happy", "calm"]) pieces.push(`▁${word}`);
  // Longer pieces score higher so the tokenizer prefers them, as in a trained vocabulary.
  for (const piece of pieces) tokens.push({ text: piece, score: -1 / piece.length, type: TokenType.Normal });
  return tokens;
}

function writeValue(writer: ByteWriter, value: MetadataValue): void {
  writer.u32(value.type);
  switch (value.type) {
    case ValueType.Uint32:
      return writer.u32(value.value);
    case ValueType.Int32:
      return writer.i32(value.value);
    case ValueType.Float32:
      return writer.f32(value.value);
    case ValueType.Bool:
      return writer.u8(value.value ? 1 : 0);
    case ValueType.String:
      return writer.string(value.value);
    case ValueType.Array:
      writer.u32(value.items);
      writer.u64(value.value.length);
      for (const item of value.value) {
        if (typeof item === "string") writer.string(item);
        else if (value.items === ValueType.Float32) writer.f32(item);
        else writer.i32(item);
      }
  }
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}

/** Little-endian, as GGUF is. */
class ByteWriter {
  private readonly chunks: Buffer[] = [];
  private length = 0;

  bytes(buffer: Buffer): void {
    this.chunks.push(buffer);
    this.length += buffer.length;
  }

  u8(n: number): void {
    this.bytes(Buffer.from([n]));
  }

  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.bytes(b);
  }

  i32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.bytes(b);
  }

  f32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.bytes(b);
  }

  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.bytes(b);
  }

  /** GGUF strings: a u64 byte length, then UTF-8 without a terminator. */
  string(text: string): void {
    const encoded = Buffer.from(text, "utf8");
    this.u64(encoded.length);
    this.bytes(encoded);
  }

  padTo(alignment: number): void {
    const rest = this.length % alignment;
    if (rest !== 0) this.bytes(Buffer.alloc(alignment - rest));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}
