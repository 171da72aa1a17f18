import { z } from "zod";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LLM_MODES = ["auto", "openai", "none"] as const;
export type LlmMode = (typeof LLM_MODES)[number];

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
  })
  .strict()
  .refine((raw) => raw.KINDRED_LLM !== "openai" || raw.KINDRED_LLM_BASE_URL !== undefined, {
    path: ["KINDRED_LLM"],
    message: "openai needs KINDRED_LLM_BASE_URL (the endpoint, e.g. http://127.0.0.1:8000/v1)",
  });
export type RawConfig = z.infer<typeof RawConfig>;
