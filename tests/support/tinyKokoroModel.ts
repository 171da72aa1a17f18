import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encodeOnnxModel, type OnnxGraph } from "./onnxGraph";

/**
 * A Kokoro-shaped text-to-speech model small enough to build in a test: the files kokoro-js loads
 * through transformers.js (config.json with model_type `style_text_to_speech_2`, tokenizer.json and
 * tokenizer_config.json with Kokoro's phoneme vocabulary, onnx/model_quantized.onnx with Kokoro's
 * inputs `input_ids` int64 [1, n], `style` float32 [1, 256], `speed` float32 [1] and output
 * `waveform`). The graph speaks each token as SAMPLES_PER_TOKEN samples of a sine whose pitch
 * depends on the phoneme and the speed, and whose loudness depends on the voice's style vector:
 * longer text gives longer audio, and voice and speed change the sound.
 */
export const SAMPLE_RATE = 24_000;
export const SAMPLES_PER_TOKEN = 1200;

/** Kokoro-82M's phoneme vocabulary (its config.json `vocab`): "$" pads both ends and stands for unknowns. */
const VOCAB: Record<string, number> = {
  $: 0, ";": 1, ":": 2, ",": 3, ".": 4, "!": 5, "?": 6, "—": 9, "…": 10, '"': 11, "(": 12, ")": 13, "“": 14, "”": 15, " ": 16,
  "\u0303": 17, ʣ: 18, ʥ: 19, ʦ: 20, ʨ: 21, ᵝ: 22, ꭧ: 23, A: 24, I: 25, O: 31, Q: 33, S: 35, T: 36, W: 39, Y: 41, ᵊ: 42,
  ...Object.fromEntries([..."abcdefghijklmnopqrstuvwxyz"].map((letter, i) => [letter, 43 + i])),
  ɑ: 69, ɐ: 70, ɒ: 71, æ: 72, β: 75, ɔ: 76, ɕ: 77, ç: 78, ɖ: 80, ð: 81, ʤ: 82, ə: 83, ɚ: 85, ɛ: 86, ɜ: 87, ɟ: 90, ɡ: 92,
  ɥ: 99, ɨ: 101, ɪ: 102, ʝ: 103, ɯ: 110, ɰ: 111, ŋ: 112, ɳ: 113, ɲ: 114, ɴ: 115, ø: 116, ɸ: 118, θ: 119, œ: 120, ɹ: 123,
  ɾ: 125, ɻ: 126, ʁ: 128, ɽ: 129, ʂ: 130, ʃ: 131, ʈ: 132, ʧ: 133, ʊ: 135, ʋ: 136, ʌ: 138, ɣ: 139, ɤ: 140, χ: 142, ʎ: 143,
  ʒ: 147, ʔ: 148, ˈ: 156, ˌ: 157, ː: 158, ʰ: 162, ʲ: 164, "↓": 169, "→": 171, "↗": 172, "↘": 173, ᵻ: 177,
};
const VOCAB_SIZE = 178;

/** Kokoro's tokenizer: every character is a token, wrapped in "$" … "$" (kokoro-js picks the style row by length − 2). */
function tokenizerJson() {
  const pad = { id: "$", type_id: 0 };
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: "$", single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: { type: "Split", pattern: { Regex: "" }, behavior: "Isolated", invert: false },
    post_processor: {
      type: "TemplateProcessing",
      single: [{ SpecialToken: pad }, { Sequence: { id: "A", type_id: 0 } }, { SpecialToken: pad }],
      pair: [{ SpecialToken: pad }, { Sequence: { id: "A", type_id: 0 } }, { Sequence: { id: "B", type_id: 1 } }, { SpecialToken: pad }],
      special_tokens: { $: { id: "$", ids: [0], tokens: ["$"] } },
    },
    decoder: null,
    model: { type: "WordLevel", vocab: VOCAB, unk_token: "$" },
  };
}

/** waveform = reshape(sin(pitch[token] · speed · 2πt) · (0.3 + 0.1 · tanh(mean(style))), [-1]). */
function graph(): OnnxGraph {
  const pitch = Float32Array.from({ length: VOCAB_SIZE }, (_, id) => 110 + 6 * id);
  const angle = Float32Array.from({ length: SAMPLES_PER_TOKEN }, (_, i) => (2 * Math.PI * i) / SAMPLE_RATE);
  return {
    name: "tiny_kokoro",
    opset: 13,
    inputs: [
      { name: "input_ids", type: "int64", shape: [1, "sequence_length"] },
      { name: "style", type: "float", shape: [1, 256] },
      { name: "speed", type: "float", shape: [1] },
    ],
    outputs: [{ name: "waveform", type: "float", shape: ["num_samples"] }],
    initializers: [
      { name: "pitch", type: "float", dims: [VOCAB_SIZE, 1], values: pitch },
      { name: "angle", type: "float", dims: [SAMPLES_PER_TOKEN], values: angle },
      { name: "base_loudness", type: "float", dims: [], values: Float32Array.of(0.3) },
      { name: "style_loudness", type: "float", dims: [], values: Float32Array.of(0.1) },
      { name: "flat", type: "int64", dims: [1], values: [-1] },
    ],
    nodes: [
      { op: "Gather", inputs: ["pitch", "input_ids"], outputs: ["token_pitch"] }, // [1, n, 1]
      { op: "Mul", inputs: ["token_pitch", "speed"], outputs: ["spoken_pitch"] },
      { op: "Mul", inputs: ["spoken_pitch", "angle"], outputs: ["phase"] }, // [1, n, SAMPLES_PER_TOKEN]
      { op: "Sin", inputs: ["phase"], outputs: ["tone"] },
      { op: "ReduceMean", inputs: ["style"], outputs: ["style_mean"], attributes: { keepdims: 0 } },
      { op: "Tanh", inputs: ["style_mean"], outputs: ["style_shade"] },
      { op: "Mul", inputs: ["style_shade", "style_loudness"], outputs: ["style_part"] },
      { op: "Add", inputs: ["style_part", "base_loudness"], outputs: ["loudness"] },
      { op: "Mul", inputs: ["tone", "loudness"], outputs: ["voiced"] },
      { op: "Reshape", inputs: ["voiced", "flat"], outputs: ["waveform"] },
    ],
  };
}

/** Writes the model into `dir` (created) and returns `dir`. */
export function writeTinyKokoroModel(dir: string): string {
  mkdirSync(path.join(dir, "onnx"), { recursive: true });
  const config = { model_type: "style_text_to_speech_2", architectures: ["StyleTextToSpeech2Model"], vocab_size: VOCAB_SIZE, sampling_rate: SAMPLE_RATE };
  writeFileSync(path.join(dir, "config.json"), JSON.stringify(config, null, 2));
  writeFileSync(path.join(dir, "tokenizer.json"), JSON.stringify(tokenizerJson()));
  const tokenizerConfig = { model_max_length: 512, pad_token: "$", unk_token: "$", tokenizer_class: "PreTrainedTokenizer" };
  writeFileSync(path.join(dir, "tokenizer_config.json"), JSON.stringify(tokenizerConfig, null, 2));
  writeFileSync(path.join(dir, "onnx", "model_quantized.onnx"), encodeOnnxModel(graph()));
  return dir;
}
