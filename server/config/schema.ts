import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LLM_MODES = ["auto", "openai", "local", "none"] as const;
export type LlmMode = (typeof LLM_MODES)[number];

/** `false`: CPU only, all a default install has; cuda and vulkan need a GPU build (README). */
export const LOCAL_GPU_CHOICES = ["false", "auto", "cuda", "vulkan", "metal"] as const;
export type LocalGpu = (typeof LOCAL_GPU_CHOICES)[number];

/** How companions speak: `auto` picks Kokoro when its model is there (or can be fetched), else the formant voice. */
export const TTS_ENGINES = ["auto", "kokoro", "formant", "none"] as const;
export type TtsEngineChoice = (typeof TTS_ENGINES)[number];

export const TTS_DTYPES = ["q8", "fp32", "fp16", "q4", "q4f16"] as const;
export type TtsDtype = (typeof TTS_DTYPES)[number];

/** The resolved configuration the server runs with (paths absolute). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL URL; undefined means the embedded PGlite in `<dataDir>/db`. */
  databaseUrl: string | undefined;
  maxClients: number;
  defaultWorld: string;
  worldsDir: string;
  logLevel: LogLevel;
  reconnectSeconds: number;
  /** How companions find their language model (see server/llm/selectLanguageModel). */
  llmMode: LlmMode;
  /** An OpenAI-compatible endpoint; required by `openai`, preferred by `auto`. */
  llmBaseUrl: string | undefined;
  llmApiKey: string | undefined;
  llmModel: string | undefined;
  ollamaUrl: string;
  /** "default", "none", an http(s) URL, or an absolute path to a .gguf file. */
  localModel: string;
  localGpu: LocalGpu;
  localParallel: number;
  localQueue: number;
  /** Memory embeddings: "none", a Hugging Face model id, or an absolute model directory. */
  embeddingModel: string;
  ttsEngine: TtsEngineChoice;
  /** Kokoro: a Hugging Face model id or an absolute model directory. */
  ttsModel: string;
  ttsDtype: TtsDtype;
  /** Speech recognition: "none", a Hugging Face model id (Whisper) or an absolute model directory. */
  asrModel: string;
  /** Size cap of one uploaded avatar (VRM), in megabytes of 1,000,000 bytes. */
  avatarMaxMegabytes: number;
  /** Whether memory asks the language model for facts and summaries. */
  memoryUsesModel: boolean;
  memoryReflectLines: number;
  memoryRecallTokens: number;
  /** HTTPS (and WSS) with the self-signed certificate in `<dataDir>/tls`, instead of plain HTTP. */
  https: boolean;
}

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const httpUrl = z
  .string()
  .regex(/^https?:\/\/[^\s/]+/, "must be an http:// or https:// URL")
  .transform((url) => url.replace(/\/+$/, ""));

/** none, a Hugging Face model id, or a model directory. */
const modelSetting = z
      .string()
      .trim()
      .max(500, "must be at most 500 characters")
      .regex(/^(none$|[./~\\]|[A-Za-z]:|[\w.-]+\/[\w.-]+$)/, "must be none, a Hugging Face model id (owner/name) or a model directory (./models/minilm)");

/** Raw values, keyed by the names in CONFIG_KEYS, as strings from the environment or YAML scalars. */
export const RawConfig = z
  .object({
    PORT: wholeNumber(0, 65535),
    HOST: z.string().min(1, "must not be empty"),
    KINDRED_DATA_DIR: z.string().min(1, "must not be empty"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    KINDRED_MAX_CLIENTS: wholeNumber(1, 1000),
    KINDRED_DEFAULT_WORLD: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be a world id (lower-case letters, digits, dashes)"),
    KINDRED_WORLDS_DIR: z.string().min(1, "must not be empty"),
    LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }),
    KINDRED_RECONNECT_SECONDS: z.coerce
      .number({ error: "must be a number" })
      .min(0, "must be at least 0")
      .max(3600, "must be at most 3600"),
    KINDRED_LLM: z.enum(LLM_MODES, { error: `must be one of ${LLM_MODES.join(", ")}` }),
    KINDRED_LLM_BASE_URL: httpUrl.optional(),
    KINDRED_LLM_API_KEY: z.string().optional(),
    KINDRED_LLM_MODEL: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters").optional(),
    KINDRED_OLLAMA_URL: httpUrl,
    KINDRED_LOCAL_MODEL: z.string().trim().min(1, "must not be empty (default, none, a URL or a path)").max(2000, "must be at most 2000 characters"),
    KINDRED_LOCAL_GPU: z.enum(LOCAL_GPU_CHOICES, { error: `must be one of ${LOCAL_GPU_CHOICES.join(", ")}` }),
    KINDRED_LOCAL_PARALLEL: wholeNumber(1, 16),
    KINDRED_LOCAL_QUEUE: wholeNumber(0, 1000),
    KINDRED_EMBEDDING_MODEL: modelSetting,
    KINDRED_TTS: z.enum(TTS_ENGINES, { error: `must be one of ${TTS_ENGINES.join(", ")}` }),
    KINDRED_TTS_MODEL: modelSetting,
    KINDRED_TTS_DTYPE: z.enum(TTS_DTYPES, { error: `must be one of ${TTS_DTYPES.join(", ")}` }),
    KINDRED_ASR_MODEL: modelSetting,
    KINDRED_AVATAR_MAX_MB: z.coerce.number({ error: "must be a number" }).gt(0, "must be more than 0").max(1000, "must be at most 1000"),
    KINDRED_MEMORY_MODEL: z.enum(["on", "off"], { error: "must be on or off" }),
    KINDRED_MEMORY_REFLECT_LINES: wholeNumber(2, 1000),
    KINDRED_MEMORY_RECALL_TOKENS: wholeNumber(50, 100000),
    KINDRED_HTTPS: z.enum(["on", "off"], { error: "must be on or off" }),
  })
  .strict()
  .refine((raw) => raw.KINDRED_LLM !== "openai" || raw.KINDRED_LLM_BASE_URL !== undefined, {
    path: ["KINDRED_LLM"],
    message: "openai needs KINDRED_LLM_BASE_URL (the endpoint, e.g. http://127.0.0.1:8000/v1)",
  });
export type RawConfig = z.infer<typeof RawConfig>;
