/**
 * Every configuration key Kindred reads, with its default and meaning. The same names work as
 * environment variables and as keys of `kindred.config.yaml`; the environment wins.
 */
export interface ConfigKey {
  /** Environment variable (and YAML key). */
  name: string;
  /** Default, as it would be written in the environment; undefined when unset by default. */
  default: string | undefined;
  description: string;
}

export const CONFIG_KEYS = [
  { name: "PORT", default: "8080", description: "HTTP port serving the web app, the API and the room WebSockets" },
  { name: "HOST", default: "0.0.0.0", description: "Interface to listen on (0.0.0.0: reachable from the LAN)" },
  { name: "KINDRED_DATA_DIR", default: "./data", description: "Data folder (database, token secret, downloads); created on start" },
  {
    name: "DATABASE_URL",
    default: undefined,
    description: "PostgreSQL connection string (with pgvector); unset: embedded PGlite in <data dir>/db",
  },
  { name: "KINDRED_MAX_CLIENTS", default: "24", description: "People per world room; a full room opens another instance" },
  { name: "KINDRED_DEFAULT_WORLD", default: "plaza", description: "World id new visitors enter" },
  { name: "KINDRED_WORLDS_DIR", default: "./worlds", description: "Folder of world definitions (*.json) and their assets/" },
  { name: "LOG_LEVEL", default: "info", description: "Log level: fatal, error, warn, info, debug, trace or silent" },
  {
    name: "KINDRED_RECONNECT_SECONDS",
    default: "20",
    description: "How long a dropped connection keeps its place in the room",
  },
  {
    name: "KINDRED_LLM",
    default: "auto",
    description:
      "Language model for companions: auto (KINDRED_LLM_BASE_URL if set, else Ollama when it answers, else the embedded local model unless KINDRED_LOCAL_MODEL is none), openai, local, or none",
  },
  {
    name: "KINDRED_LLM_BASE_URL",
    default: undefined,
    description: "An OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1 (llama.cpp, LM Studio, vLLM, OpenAI, OpenRouter)",
  },
  { name: "KINDRED_LLM_API_KEY", default: undefined, description: "API key for KINDRED_LLM_BASE_URL; local servers need none" },
  {
    name: "KINDRED_LLM_MODEL",
    default: undefined,
    description: "Model name at that endpoint (or in Ollama); unset: the first model the server lists",
  },
  { name: "KINDRED_OLLAMA_URL", default: "http://127.0.0.1:11434", description: "Where `auto` looks for Ollama (GET /api/tags)" },
  {
    name: "KINDRED_LOCAL_MODEL",
    default: "default",
    description:
      "Embedded model (node-llama-cpp): default (Qwen2.5 1.5B Instruct Q4_K_M, 1.1 GB, downloaded on first use into <data dir>/models), an https URL of a .gguf file (downloaded likewise), a path to a .gguf file, or none",
  },
  { name: "KINDRED_LOCAL_GPU", default: "false", description: "GPU for the embedded model: false (CPU), auto, cuda, vulkan or metal; cuda and vulkan need a GPU build (README)" },
  { name: "KINDRED_LOCAL_PARALLEL", default: "1", description: "Replies the embedded model generates at once (shared by every companion on this server)" },
  { name: "KINDRED_LOCAL_QUEUE", default: "8", description: "Replies that may wait for the embedded model; more are refused as busy" },
  { name: "KINDRED_AVATAR_MAX_MB", default: "32", description: "Largest VRM file a user may upload as an avatar, in megabytes (1 MB = 1,000,000 bytes)" },
  {
    name: "KINDRED_EMBEDDING_MODEL",
    default: "Xenova/all-MiniLM-L6-v2",
    description:
      "Sentence model for memory recall: a Hugging Face model id (downloaded on first use into <data dir>/models), a local model directory, or none (full-text recall only)",
  },
  {
    name: "KINDRED_TTS",
    default: "auto",
    description:
      "Companion voice: auto (Kokoro once its model is in <data dir>/models, downloading it on first use; the formant voice until then or without a network), kokoro, formant (offline WASM voice) or none (text only)",
  },
  { name: "KINDRED_TTS_MODEL", default: "onnx-community/Kokoro-82M-v1.0-ONNX", description: "Kokoro model: a Hugging Face model id (downloaded on first use into <data dir>/models) or a local model directory" },
  { name: "KINDRED_TTS_DTYPE", default: "q8", description: "Kokoro weights: q8 (≈90 MB), fp32, fp16, q4 or q4f16" },
  {
    name: "KINDRED_ASR_MODEL",
    default: "onnx-community/whisper-base",
    description:
      "Speech recognition (Whisper): a Hugging Face model id (downloaded on first use into <data dir>/models), a local model directory, or none (typing only; the mic button says so)",
  },
  {
    name: "KINDRED_MEMORY_MODEL",
    default: "on",
    description: "on: the language model (when there is one) extracts facts and writes session summaries in the background; off: patterns and offline summaries only",
  },
  { name: "KINDRED_MEMORY_REFLECT_LINES", default: "24", description: "A session is summarised into a reflection every this many lines, and when the owner leaves" },
  { name: "KINDRED_MEMORY_RECALL_TOKENS", default: "600", description: "Token budget of the memories and facts recalled into one prompt" },
  {
    name: "KINDRED_HTTPS",
    default: "off",
    description: "on: serve HTTPS and WSS (WebXR headsets need a secure context) with a self-signed certificate kept in <data dir>/tls; same as `npm start -- --https`",
  },
] as const satisfies readonly ConfigKey[];

export type ConfigKeyName = (typeof CONFIG_KEYS)[number]["name"];

/** The file read from the working directory, when present. */
export const CONFIG_FILE_NAME = "kindred.config.yaml";
