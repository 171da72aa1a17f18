import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { CONFIG_FILE_NAME, CONFIG_KEYS, type ConfigKeyName } from "./keys";
import { RawConfig, type Config } from "./schema";

/** A configuration value was refused; the message names the key and where it came from. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type RawValues = Partial<Record<ConfigKeyName, unknown>>;
const KEY_NAMES = new Set<string>(CONFIG_KEYS.map((k) => k.name));

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Where `kindred.config.yaml` is looked for and relative paths start. */
  cwd?: string;
}

/** Defaults, then `kindred.config.yaml` in `cwd`, then the environment. */
export function loadConfig({ env = process.env, cwd = process.cwd() }: LoadConfigOptions = {}): Config {
  const file = path.join(cwd, CONFIG_FILE_NAME);
  const fromFile = existsSync(file) ? readConfigFile(file) : {};
  const fromEnv: RawValues = {};
  for (const name of KEY_NAMES) {
    const value = env[name];
    // An empty variable (`PORT=`) means "not set", as in most shells' intent.
    if (value !== undefined && value !== "") fromEnv[name as ConfigKeyName] = value;
  }
  const sources = new Map<string, string>();
  for (const name of Object.keys(fromFile)) sources.set(name, CONFIG_FILE_NAME);
  for (const name of Object.keys(fromEnv)) sources.set(name, "environment");
  return resolveConfig({ ...defaultValues(), ...fromFile, ...fromEnv }, cwd, sources);
}

/** The configuration with every default, for code that starts a server without env or file. */
export function defaultConfig(cwd = process.cwd()): Config {
  return resolveConfig(defaultValues(), cwd, new Map());
}

function defaultValues(): RawValues {
  const values: RawValues = {};
  for (const key of CONFIG_KEYS) if (key.default !== undefined) values[key.name] = key.default;
  return values;
}

function readConfigFile(file: string): RawValues {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`${file} is not valid YAML: ${(error as Error).message}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError(`${file} must be a mapping of KEY: value (e.g. "PORT: 8080")`);
  }
  const values: RawValues = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (!KEY_NAMES.has(name)) {
      throw new ConfigError(`${file}: unknown key "${name}"; known keys: ${[...KEY_NAMES].join(", ")}`);
    }
    if (value !== null && typeof value === "object") throw new ConfigError(`${file}: ${name} must be a single value`);
    if (value !== null && value !== "") values[name as ConfigKeyName] = String(value);
  }
  return values;
}

function resolveConfig(values: RawValues, cwd: string, sources: Map<string, string>): Config {
  const parsed = RawConfig.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "config");
      const from = sources.get(key) ?? "default";
      return `${key}=${JSON.stringify(values[key as ConfigKeyName] ?? "")} (${from}): ${issue.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const raw = parsed.data;
  return {
    port: raw.PORT,
    host: raw.HOST,
    dataDir: path.resolve(cwd, raw.KINDRED_DATA_DIR),
    databaseUrl: raw.DATABASE_URL,
    maxClients: raw.KINDRED_MAX_CLIENTS,
    defaultWorld: raw.KINDRED_DEFAULT_WORLD,
    worldsDir: path.resolve(cwd, raw.KINDRED_WORLDS_DIR),
    logLevel: raw.LOG_LEVEL,
    reconnectSeconds: raw.KINDRED_RECONNECT_SECONDS,
    llmMode: raw.KINDRED_LLM,
    llmBaseUrl: raw.KINDRED_LLM_BASE_URL,
    llmApiKey: raw.KINDRED_LLM_API_KEY,
    llmModel: raw.KINDRED_LLM_MODEL,
    ollamaUrl: raw.KINDRED_OLLAMA_URL,
    localModel: /^(default|none|https?:\/\/.+)$/i.test(raw.KINDRED_LOCAL_MODEL) ? raw.KINDRED_LOCAL_MODEL : path.resolve(cwd, raw.KINDRED_LOCAL_MODEL),
    localGpu: raw.KINDRED_LOCAL_GPU,
    localParallel: raw.KINDRED_LOCAL_PARALLEL,
    localQueue: raw.KINDRED_LOCAL_QUEUE,
    embeddingModel: resolveModelSetting(raw.KINDRED_EMBEDDING_MODEL, cwd),
    ttsEngine: raw.KINDRED_TTS,
    ttsModel: resolveModelSetting(raw.KINDRED_TTS_MODEL, cwd),
    ttsDtype: raw.KINDRED_TTS_DTYPE,
    asrModel: resolveModelSetting(raw.KINDRED_ASR_MODEL, cwd),
    avatarMaxMegabytes: raw.KINDRED_AVATAR_MAX_MB,
    memoryUsesModel: raw.KINDRED_MEMORY_MODEL === "on",
    memoryReflectLines: raw.KINDRED_MEMORY_REFLECT_LINES,
    memoryRecallTokens: raw.KINDRED_MEMORY_RECALL_TOKENS,
    https: raw.KINDRED_HTTPS === "on",
  };
}

/** A model directory (starts with . / ~ or a drive) becomes an absolute path; an id or `none` stays. */
function resolveModelSetting(value: string, cwd: string): string {
  if (value === "none" || !/^[./~\\]|^[A-Za-z]:/.test(value)) return value;
  return path.resolve(cwd, value.replace(/^~(?=$|[/\\])/, homedir()));
}
