import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "../../client/world/seededRandom";
import { encodeOnnxModel, type OnnxGraph } from "./onnxGraph";

/**
 * A BERT-shaped sentence model small enough to build in a test: the files transformers.js
 * loads for `feature-extraction` (config.json, tokenizer.json, tokenizer_config.json and
 * onnx/model_quantized.onnx with BERT's inputs and `last_hidden_state` output). Its graph is
 * word + position + token-type embeddings, LayerNorm, a per-token weight, masked by
 * attention_mask: no attention layers, but real tokenisation, real ONNX inference and real pooling.
 *
 * The word embeddings are seeded random, except that the words of each SYNONYM group share one
 * vector: "kitten" and "cat" embed alike while full-text search sees two unrelated words. That
 * lets a test tell vector recall from full-text recall.
 */
export const HIDDEN_SIZE = 32;
export const MAX_POSITIONS = 128;

export const SYNONYMS: readonly (readonly string[])[] = [
  ["cat", "kitten", "feline"],
  ["dog", "puppy", "hound"],
  ["violin", "cello", "fiddle"],
  ["sea", "ocean", "beach", "shore"],
  ["car", "automobile", "vehicle"],
  ["happy", "glad", "joyful", "cheerful"],
  ["sad", "unhappy", "gloomy"],
  ["doctor", "physician", "nurse"],
  ["mountain", "hill", "peak", "hiking"],
  ["book", "novel", "reading"],
];

// Function words weigh little in a sentence's vector, as in a trained model.
const FUNCTION_WORDS = `a an the and or but if then so because of to in on at by for with from about into over under
after before during while i me my mine you your we our us they them their he him his she her it its this that these those
is am are was were be been being have has had do does did will would can could should may might must not no yes
what which who whom whose when where why how all any both each few more most other some such only own same than too very just now here there again once up down out off`;

const CONTENT_WORDS = `go went gone going come came get got make made take took see saw know knew
think thought say said tell told give gave find found want like love hate feel felt try tried ask asked need use used
day days week weeks month months year years today yesterday tomorrow morning evening night time times last next first
home house room garden park city town street school work job office friend friends family mother father sister brother
child children kid kids wife husband name names people person man woman girl boy baby life world place places
good bad new old big small long little great nice best better well right left high low young late early hard easy
music song songs play played playing game games sport sports run running walk walked swim painting paint art photo picture
food eat ate dinner lunch breakfast coffee tea cake pizza cook cooked cooking drink water rain sun snow tree trees flower flowers
learn learned learning study class teacher lesson trip travel travelled visit visited holiday camping lake river
buy bought sell shop money pay birthday party wedding gift present call called talk talked talking write wrote letter
parrot kiwi blue red green yellow black white color colour password hint secret shared everyone lantern lanterns harbour`;

const SUFFIXES = ["##s", "##es", "##ed", "##ing", "##ly", "##er", "##est", "##y", "##'", "##n", "##t"];
const SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] as const;

const splitWords = (text: string) => text.split(/\s+/).filter(Boolean);

/** Every vocabulary entry in id order: specials, whole words, suffixes, then letters and digits as fallbacks. */
function vocabulary(): string[] {
  const words = new Set([...splitWords(FUNCTION_WORDS), ...splitWords(CONTENT_WORDS), ...SYNONYMS.flat()]);
  const characters = [..."abcdefghijklmnopqrstuvwxyz0123456789"];
  const punctuation = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"];
  const all = [...SPECIAL, ...words, ...SUFFIXES, ...characters, ...characters.map((c) => `##${c}`), ...punctuation];
  return [...new Set(all)];
}

/** Deterministic weights (seeded): the same model on every run and machine, centred on zero. */
function randomMatrix(rows: number, random: () => number, scale: number): Float32Array {
  const out = new Float32Array(rows * HIDDEN_SIZE);
  for (let i = 0; i < out.length; i++) out[i] = (random() - 0.5) * scale;
  return out;
}

function wordEmbeddings(vocab: string[], random: () => number): Float32Array {
  const weights = randomMatrix(vocab.length, random, 2);
  const index = new Map(vocab.map((token, id) => [token, id]));
  for (const group of SYNONYMS) {
    const first = index.get(group[0]!)!;
    for (const word of group.slice(1)) {
      const id = index.get(word)!;
      weights.copyWithin(id * HIDDEN_SIZE, first * HIDDEN_SIZE, (first + 1) * HIDDEN_SIZE);
    }
  }
  return weights;
}

/**
 * How much each token counts in the pooled vector: whole content words fully, word pieces
 * (names spelled letter by letter) a little, function words, punctuation and specials barely.
 * It stands in for what attention layers learn; without it "the" outweighs "kitten".
 */
function salience(vocab: string[]): Float32Array {
  const content = new Set([...splitWords(CONTENT_WORDS), ...SYNONYMS.flat()]);
  const pieces = new Set([...SUFFIXES, ..."abcdefghijklmnopqrstuvwxyz0123456789".split("").flatMap((c) => [c, `##${c}`])]);
  return Float32Array.from(vocab, (token) => (content.has(token) ? 1 : pieces.has(token) ? 0.3 : 0.1));
}

function graph(vocab: string[]): OnnxGraph {
  const random = seededRandom(20261122);
  const tokens = ["batch", "sequence"];
  return {
    name: "tiny-bert",
    opset: 17,
    inputs: ["input_ids", "attention_mask", "token_type_ids"].map((name) => ({ name, type: "int64" as const, shape: tokens })),
    outputs: [{ name: "last_hidden_state", type: "float", shape: [...tokens, HIDDEN_SIZE] }],
    initializers: [
      { name: "word_embeddings", type: "float", dims: [vocab.length, HIDDEN_SIZE], values: wordEmbeddings(vocab, random) },
      // Small next to the words: position should barely move a sentence's meaning.
      { name: "position_embeddings", type: "float", dims: [MAX_POSITIONS, HIDDEN_SIZE], values: randomMatrix(MAX_POSITIONS, random, 0.05) },
      { name: "token_type_embeddings", type: "float", dims: [2, HIDDEN_SIZE], values: randomMatrix(2, random, 0.05) },
      { name: "layer_norm_scale", type: "float", dims: [HIDDEN_SIZE], values: new Float32Array(HIDDEN_SIZE).fill(1) },
      { name: "layer_norm_bias", type: "float", dims: [HIDDEN_SIZE], values: new Float32Array(HIDDEN_SIZE) },
      { name: "salience", type: "float", dims: [vocab.length, 1], values: salience(vocab) },
      { name: "zero", type: "int64", dims: [], values: [0] },
      { name: "one", type: "int64", dims: [], values: [1] },
      { name: "last_axis", type: "int64", dims: [1], values: [-1] },
    ],
    nodes: [
      { op: "Gather", inputs: ["word_embeddings", "input_ids"], outputs: ["words"] },
      { op: "Gather", inputs: ["token_type_embeddings", "token_type_ids"], outputs: ["types"] },
      { op: "Shape", inputs: ["input_ids"], outputs: ["input_shape"] },
      { op: "Gather", inputs: ["input_shape", "one"], outputs: ["sequence_length"], attributes: { axis: 0 } },
      { op: "Range", inputs: ["zero", "sequence_length", "one"], outputs: ["position_ids"] },
      { op: "Gather", inputs: ["position_embeddings", "position_ids"], outputs: ["positions"] },
      { op: "Add", inputs: ["words", "types"], outputs: ["words_types"] },
      { op: "Add", inputs: ["words_types", "positions"], outputs: ["embedded"] },
      { op: "LayerNormalization", inputs: ["embedded", "layer_norm_scale", "layer_norm_bias"], outputs: ["normalised"], attributes: { axis: -1, epsilon: 1e-12 } },
      { op: "Cast", inputs: ["attention_mask"], outputs: ["mask_float"], attributes: { to: 1 } },
      { op: "Unsqueeze", inputs: ["mask_float", "last_axis"], outputs: ["mask_column"] },
      { op: "Gather", inputs: ["salience", "input_ids"], outputs: ["token_weight"] },
      { op: "Mul", inputs: ["normalised", "token_weight"], outputs: ["weighted"] },
      { op: "Mul", inputs: ["weighted", "mask_column"], outputs: ["last_hidden_state"] },
    ],
  };
}

function tokenizerJson(vocab: string[]) {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = (token: string) => ({ id: ids[token], content: token, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true });
  const specialEntry = (token: string) => ({ id: token, ids: [ids[token]], tokens: [token] });
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: "BertNormalizer", clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } }],
      pair: [
        { SpecialToken: { id: "[CLS]", type_id: 0 } }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: { id: "[SEP]", type_id: 0 } },
        { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: { id: "[SEP]", type_id: 1 } },
      ],
      special_tokens: { "[CLS]": specialEntry("[CLS]"), "[SEP]": specialEntry("[SEP]") },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: { type: "WordPiece", unk_token: "[UNK]", continuing_subword_prefix: "##", max_input_chars_per_word: 100, vocab: ids },
  };
}

/**
 * Writes the model into `dir` (created) and returns `dir`. `onnxFile` is the graph's file name
 * under onnx/: transformers picks model_quantized.onnx for dtype q8, model.onnx for fp32.
 */
export function writeTinyBertModel(dir: string, { onnxFile = "model_quantized.onnx" } = {}): string {
  const vocab = vocabulary();
  mkdirSync(path.join(dir, "onnx"), { recursive: true });
  const json = (name: string, value: unknown) => writeFileSync(path.join(dir, name), JSON.stringify(value));
  json("config.json", {
    model_type: "bert",
    architectures: ["BertModel"],
    hidden_size: HIDDEN_SIZE,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    intermediate_size: HIDDEN_SIZE,
    max_position_embeddings: MAX_POSITIONS,
    type_vocab_size: 2,
    vocab_size: vocab.length,
  });
  json("tokenizer.json", tokenizerJson(vocab));
  json("tokenizer_config.json", {
    tokenizer_class: "BertTokenizer",
    do_lower_case: true,
    model_max_length: MAX_POSITIONS,
    cls_token: "[CLS]",
    sep_token: "[SEP]",
    pad_token: "[PAD]",
    unk_token: "[UNK]",
    mask_token: "[MASK]",
  });
  writeFileSync(path.join(dir, "onnx", onnxFile), encodeOnnxModel(graph(vocab)));
  return dir;
}
