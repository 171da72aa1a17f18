import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodeOnnxModel, type OnnxGraph, type OnnxNode } from "./onnxGraph";

/**
 * A Whisper-shaped speech model small enough to build in a test: the files transformers.js
 * 3.8 loads for `automatic-speech-recognition` (config.json, generation_config.json,
 * preprocessor_config.json, tokenizer files, onnx/encoder_model*.onnx and
 * onnx/decoder_model_merged*.onnx with Whisper's real input and output names and cache layout).
 * Feature extraction, both ONNX sessions, the generation loop with its key/value cache and the
 * tokenizer's ASR decoding are all transformers' own.
 *
 * What it "hears" is fixed by its weights, so a test can assert the transcript:
 * - English (or an English-only model): "hello world" when the audio's energy sits in the low
 *   mel bins (a voice), "goodbye world" when it sits in the high ones (a whistle);
 * - French: "bonjour monde"; German: "hallo welt".
 * The decoder scores the next token from the sum of every token so far (its self-attention cache),
 * so the second word depends on the language token four steps back: a generation that lost its
 * cache would say "bonjour world".
 */

const TEXT_TOKENS = ["hello", "goodbye", "bonjour", "hallo", "world", "monde", "welt"] as const;
type Word = (typeof TEXT_TOKENS)[number];
const LANGUAGES = ["en", "fr", "de"] as const;
// Whisper's order: text, then <|endoftext|>, <|startoftranscript|>, languages, tasks, … <|notimestamps|>
// last, because the tokenizer takes every id above <|notimestamps|> for a timestamp.
const SPECIAL_TOKENS = [
  "<|endoftext|>",
  "<|startoftranscript|>",
  ...LANGUAGES.map((code) => `<|${code}|>`),
  "<|translate|>",
  "<|transcribe|>",
  "<|startoflm|>",
  "<|startofprev|>",
  "<|nocaptions|>",
  "<|notimestamps|>",
];
const VOCAB = [...TEXT_TOKENS.map((word) => `Ġ${word}`), ...SPECIAL_TOKENS];
const id = (token: string) => VOCAB.indexOf(token);
const wordId = (word: Word) => id(`Ġ${word}`);

const D_MODEL = 48;
const HEADS = 2;
const HEAD_SIZE = D_MODEL / HEADS;
const MEL_BINS = 80;
const FRAMES = 3000;
const ENCODER_POSITIONS = FRAMES / 2;
/** How far the audio's low/high balance moves "hello" against "goodbye" (first-word scores are 3). */
const AUDIO_WEIGHT = 0.5;
/** Gain before tanh: a second of speech in the 30 s window already tips the balance fully. */
const AUDIO_GAIN = 400;

/** next-token score added for each token in the history: SCORES[from][to]. */
function transitionScores(): Float32Array {
  const scores = new Float32Array(D_MODEL * VOCAB.length);
  const add = (from: string, to: string, score: number) => (scores[id(from) * VOCAB.length + id(to)]! += score);
  const firstWords: Record<(typeof LANGUAGES)[number], Word[]> = { en: ["hello", "goodbye"], fr: ["bonjour"], de: ["hallo"] };
  const secondWords: Record<(typeof LANGUAGES)[number], Word> = { en: "world", fr: "monde", de: "welt" };
  // <|startoftranscript|> speaks English unless a language token says otherwise (English-only models have none).
  for (const word of firstWords.en) add("<|startoftranscript|>", `Ġ${word}`, 3);
  add("<|startoftranscript|>", `Ġ${secondWords.en}`, 2);
  for (const language of ["fr", "de"] as const) {
    for (const word of firstWords.en) add(`<|${language}|>`, `Ġ${word}`, -3);
    add(`<|${language}|>`, `Ġ${secondWords.en}`, -2);
    for (const word of firstWords[language]) add(`<|${language}|>`, `Ġ${word}`, 3);
    add(`<|${language}|>`, `Ġ${secondWords[language]}`, 2);
  }
  // A first word is said once, then any second word gains a little; the language decides which.
  const allFirst = Object.values(firstWords).flat();
  for (const first of allFirst) {
    for (const other of allFirst) add(`Ġ${first}`, `Ġ${other}`, -10);
    for (const second of Object.values(secondWords)) add(`Ġ${first}`, `Ġ${second}`, 1);
  }
  for (const second of Object.values(secondWords)) {
    add(`Ġ${second}`, `Ġ${second}`, -10);
    add(`Ġ${second}`, "<|endoftext|>", 4);
  }
  return scores;
}

/** Token embeddings: one-hot, so the cumulative sum of the cache is the bag of tokens so far. */
function tokenEmbeddings(): Float32Array {
  const embeddings = new Float32Array(VOCAB.length * D_MODEL);
  for (let token = 0; token < VOCAB.length; token++) embeddings[token * D_MODEL + token] = 1;
  return embeddings;
}

/** Encoder channel 0: mean of the low half of the mel bins minus mean of the high half. */
function melBalance(): Float32Array {
  const weights = new Float32Array(MEL_BINS * D_MODEL);
  for (let bin = 0; bin < MEL_BINS; bin++) weights[bin * D_MODEL] = (bin < MEL_BINS / 2 ? 1 : -1) / (MEL_BINS / 2);
  return weights;
}

/** Cross-attention context channel 0 (the mel balance) → "hello" up, "goodbye" down. */
function audioScores(): Float32Array {
  const scores = new Float32Array(D_MODEL * VOCAB.length);
  scores[wordId("hello")] = AUDIO_WEIGHT;
  scores[wordId("goodbye")] = -AUDIO_WEIGHT;
  return scores;
}

const int64 = (name: string, values: number[]) => ({ name, type: "int64" as const, dims: [values.length], values });

function encoderGraph(): OnnxGraph {
  return {
    name: "tiny-whisper-encoder",
    opset: 17,
    inputs: [{ name: "input_features", type: "float", shape: ["batch_size", MEL_BINS, FRAMES] }],
    outputs: [{ name: "last_hidden_state", type: "float", shape: ["batch_size", ENCODER_POSITIONS, D_MODEL] }],
    initializers: [{ name: "mel_projection", type: "float", dims: [MEL_BINS, D_MODEL], values: melBalance() }],
    nodes: [
      // Whisper's stride-2 convolution halves the 3000 frames to 1500 positions; an average does the same.
      { op: "AveragePool", inputs: ["input_features"], outputs: ["pooled"], attributes: { kernel_shape: [2], strides: [2] } },
      { op: "Transpose", inputs: ["pooled"], outputs: ["frames"], attributes: { perm: [0, 2, 1] } },
      { op: "MatMul", inputs: ["frames", "mel_projection"], outputs: ["last_hidden_state"] },
    ],
  };
}

/** [batch, sequence, D_MODEL] → [batch, HEADS, sequence, HEAD_SIZE], the cache's layout. */
const splitHeads = (input: string, output: string): OnnxNode[] => [
  { op: "Reshape", inputs: [input, "head_shape"], outputs: [`${output}_split`] },
  { op: "Transpose", inputs: [`${output}_split`], outputs: [output], attributes: { perm: [0, 2, 1, 3] } },
];
const mergeHeads = (input: string, output: string): OnnxNode[] => [
  { op: "Transpose", inputs: [input], outputs: [`${output}_merged`], attributes: { perm: [0, 2, 1, 3] } },
  { op: "Reshape", inputs: [`${output}_merged`, "model_shape"], outputs: [output] },
];

function decoderGraph(): OnnxGraph {
  const cache = (kind: "decoder" | "encoder", part: "key" | "value", length: string) => ({
    name: `past_key_values.0.${kind}.${part}`,
    type: "float" as const,
    shape: ["batch_size", HEADS, length, HEAD_SIZE],
  });
  const present = (kind: "decoder" | "encoder", part: "key" | "value", length: string) => ({
    name: `present.0.${kind}.${part}`,
    type: "float" as const,
    shape: ["batch_size", HEADS, length, HEAD_SIZE],
  });
  return {
    name: "tiny-whisper-decoder-merged",
    opset: 17,
    inputs: [
      { name: "input_ids", type: "int64", shape: ["batch_size", "decoder_sequence_length"] },
      { name: "encoder_hidden_states", type: "float", shape: ["batch_size", "encoder_sequence_length", D_MODEL] },
      cache("decoder", "key", "past_decoder_sequence_length"),
      cache("decoder", "value", "past_decoder_sequence_length"),
      cache("encoder", "key", "encoder_sequence_length_out"),
      cache("encoder", "value", "encoder_sequence_length_out"),
      { name: "use_cache_branch", type: "bool", shape: [1] },
    ],
    outputs: [
      { name: "logits", type: "float", shape: ["batch_size", "decoder_sequence_length", VOCAB.length] },
      present("decoder", "key", "total_sequence_length"),
      present("decoder", "value", "total_sequence_length"),
      present("encoder", "key", "encoder_sequence_length_out"),
      present("encoder", "value", "encoder_sequence_length_out"),
    ],
    initializers: [
      { name: "token_embeddings", type: "float", dims: [VOCAB.length, D_MODEL], values: tokenEmbeddings() },
      { name: "transition_scores", type: "float", dims: [D_MODEL, VOCAB.length], values: transitionScores() },
      { name: "audio_scores", type: "float", dims: [D_MODEL, VOCAB.length], values: audioScores() },
      { name: "audio_gain", type: "float", dims: [], values: Float32Array.of(AUDIO_GAIN / ENCODER_POSITIONS) },
      int64("head_shape", [0, 0, HEADS, HEAD_SIZE]),
      int64("model_shape", [0, 0, D_MODEL]),
      int64("sequence_axis", [2]),
      { name: "sequence_axis_scalar", type: "int64", dims: [], values: [2] },
      int64("second_dimension", [1]),
      int64("to_the_end", [Number.MAX_SAFE_INTEGER]),
    ],
    nodes: [
      // Self-attention cache: this step's token vectors appended to the past ones.
      { op: "Gather", inputs: ["token_embeddings", "input_ids"], outputs: ["embedded"] },
      ...splitHeads("embedded", "new_tokens"),
      { op: "Concat", inputs: ["past_key_values.0.decoder.key", "new_tokens"], outputs: ["present.0.decoder.key"], attributes: { axis: 2 } },
      { op: "Concat", inputs: ["past_key_values.0.decoder.value", "new_tokens"], outputs: ["present.0.decoder.value"], attributes: { axis: 2 } },
      // Each position sees the sum of every token up to it; keep this step's positions.
      { op: "CumSum", inputs: ["present.0.decoder.value", "sequence_axis_scalar"], outputs: ["history"] },
      { op: "Shape", inputs: ["input_ids"], outputs: ["ids_shape"] },
      { op: "Gather", inputs: ["ids_shape", "second_dimension"], outputs: ["step_length"], attributes: { axis: 0 } },
      { op: "Neg", inputs: ["step_length"], outputs: ["step_start"] },
      { op: "Slice", inputs: ["history", "step_start", "to_the_end", "sequence_axis"], outputs: ["step_history"] },
      ...mergeHeads("step_history", "bag"),
      { op: "MatMul", inputs: ["bag", "transition_scores"], outputs: ["text_logits"] },
      // Cross-attention cache: computed from the encoder on the first step, reused after (use_cache_branch).
      ...splitHeads("encoder_hidden_states", "encoder_heads"),
      { op: "Identity", inputs: ["encoder_heads"], outputs: ["present.0.encoder.key"] },
      { op: "Identity", inputs: ["encoder_heads"], outputs: ["present.0.encoder.value"] },
      { op: "ReduceSum", inputs: ["encoder_heads", "sequence_axis"], outputs: ["fresh_context"], attributes: { keepdims: 1 } },
      { op: "ReduceSum", inputs: ["past_key_values.0.encoder.value", "sequence_axis"], outputs: ["cached_context"], attributes: { keepdims: 1 } },
      { op: "Where", inputs: ["use_cache_branch", "cached_context", "fresh_context"], outputs: ["context_sum"] },
      { op: "Mul", inputs: ["context_sum", "audio_gain"], outputs: ["context_scaled"] },
      { op: "Tanh", inputs: ["context_scaled"], outputs: ["context_heads"] },
      ...mergeHeads("context_heads", "context"),
      { op: "MatMul", inputs: ["context", "audio_scores"], outputs: ["audio_logits"] },
      { op: "Add", inputs: ["text_logits", "audio_logits"], outputs: ["logits"] },
    ],
  };
}

function tokenizerJson() {
  const special = SPECIAL_TOKENS.map((content) => ({ id: id(content), content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }));
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: special,
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: null,
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: "",
      end_of_word_suffix: "",
      fuse_unk: false,
      vocab: Object.fromEntries(TEXT_TOKENS.map((word) => [`Ġ${word}`, wordId(word)])),
      merges: [],
    },
  };
}

export interface TinyWhisperOptions {
  /** false: an English-only model (like whisper-base.en): no language or task tokens. Default true. */
  multilingual?: boolean;
  /** File-name suffix of the ONNX files for the dtype the loader asks for: "_quantized" for q8 (default), "" for fp32. */
  onnxSuffix?: string;
}

/** Writes the model into `dir` (created) and returns `dir`. */
export function writeTinyWhisperModel(dir: string, { multilingual = true, onnxSuffix = "_quantized" }: TinyWhisperOptions = {}): string {
  mkdirSync(path.join(dir, "onnx"), { recursive: true });
  const json = (name: string, value: unknown) => writeFileSync(path.join(dir, name), JSON.stringify(value));
  const endOfText = id("<|endoftext|>");
  const startOfTranscript = id("<|startoftranscript|>");
  json("config.json", {
    model_type: "whisper",
    architectures: ["WhisperForConditionalGeneration"],
    is_encoder_decoder: true,
    d_model: D_MODEL,
    encoder_layers: 1,
    decoder_layers: 1,
    encoder_attention_heads: HEADS,
    decoder_attention_heads: HEADS,
    encoder_ffn_dim: D_MODEL,
    decoder_ffn_dim: D_MODEL,
    num_mel_bins: MEL_BINS,
    max_source_positions: ENCODER_POSITIONS,
    max_target_positions: 448,
    vocab_size: VOCAB.length,
    bos_token_id: endOfText,
    eos_token_id: endOfText,
    pad_token_id: endOfText,
    decoder_start_token_id: startOfTranscript,
  });
  json("generation_config.json", {
    bos_token_id: endOfText,
    eos_token_id: endOfText,
    pad_token_id: endOfText,
    decoder_start_token_id: startOfTranscript,
    max_length: 448,
    begin_suppress_tokens: [endOfText],
    suppress_tokens: [],
    no_timestamps_token_id: id("<|notimestamps|>"),
    is_multilingual: multilingual,
    ...(multilingual && {
      lang_to_id: Object.fromEntries(LANGUAGES.map((code) => [`<|${code}|>`, id(`<|${code}|>`)])),
      task_to_id: { translate: id("<|translate|>"), transcribe: id("<|transcribe|>") },
    }),
  });
  json("preprocessor_config.json", {
    processor_class: "WhisperProcessor",
    feature_extractor_type: "WhisperFeatureExtractor",
    feature_size: MEL_BINS,
    sampling_rate: 16_000,
    hop_length: 160,
    n_fft: 400,
    chunk_length: 30,
    n_samples: 480_000,
    nb_max_frames: FRAMES,
    padding_side: "right",
    padding_value: 0,
    return_attention_mask: false,
  });
  json("tokenizer.json", tokenizerJson());
  json("tokenizer_config.json", {
    tokenizer_class: "WhisperTokenizer",
    bos_token: "<|endoftext|>",
    eos_token: "<|endoftext|>",
    unk_token: "<|endoftext|>",
    pad_token: "<|endoftext|>",
    model_max_length: 1024,
    add_prefix_space: false,
  });
  writeFileSync(path.join(dir, "onnx", `encoder_model${onnxSuffix}.onnx`), encodeOnnxModel(encoderGraph()));
  writeFileSync(path.join(dir, "onnx", `decoder_model_merged${onnxSuffix}.onnx`), encodeOnnxModel(decoderGraph()));
  return dir;
}
