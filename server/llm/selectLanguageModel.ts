import type { LocalGpu } from "../config";
import type { JsonLanguageModel } from "./jsonLanguageModel";
import type { LanguageModel } from "./languageModel";
import type { LocalModelHost } from "./local";
import { createOpenAIProvider } from "./openaiProvider";

/** The embedded model's settings (KINDRED_LOCAL_*). */
export interface LocalModelSettings {
  /** "default", "none", an http(s) URL of a .gguf file, or a path to one. */
  model: string;
  /** Where downloads go: `<data dir>/models`. */
  modelsDir: string;
  gpu?: LocalGpu;
  /** Generations at once, and how many more may wait (beyond that: busy). */
  parallel?: number;
  queue?: number;
  /** CPU threads for llama.cpp; default: llama.cpp's choice. */
  maxThreads?: number;
  /** A progress bar on the terminal while the model downloads. */
  showCliProgress?: boolean;
}

export interface LanguageModelSettings {
  mode: "auto" | "openai" | "local" | "none";
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  ollamaUrl: string;
  /** Longest wait for a model server to answer a probe at start. */
  probeTimeoutMs?: number;
  /** Absent: no embedded model (as with KINDRED_LOCAL_MODEL=none). */
  local?: LocalModelSettings;
}

/** What companions think with, and why: shown at start so a user knows what to change. */
export type LanguageModelChoice =
  | { model: LanguageModel; source: "endpoint" | "ollama"; description: string }
  /** Not started: the caller starts `host` (download and load run in the background) and disposes it. */
  | { model: JsonLanguageModel; source: "local"; description: string; host: LocalModelHost }
  | { model: undefined; source: "none"; description: string };

const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

/**
 * Picks the language model once, at start. `auto`: the configured endpoint, else Ollama when it
 * answers with a model, else the embedded model when its file is there or can be downloaded, else
 * none. Never throws and never downloads: without a model the world still runs and companions
 * explain how to give them one.
 */
export async function selectLanguageModel(settings: LanguageModelSettings): Promise<LanguageModelChoice> {
  if (settings.mode === "none") return none("KINDRED_LLM is none");
  if (settings.mode === "local") return fromLocal(settings.local);
  if (settings.baseUrl !== undefined) return fromEndpoint(settings, settings.baseUrl);
  if (settings.mode === "openai") return none("KINDRED_LLM is openai but KINDRED_LLM_BASE_URL is not set");
  const ollama = await fromOllama(settings);
  if (ollama.source !== "none") return ollama;
  const local = await fromLocal(settings.local);
  if (local.source !== "none") return local;
  return none(`no model endpoint configured; ${ollama.description}; ${local.description}`);
}

async function fromEndpoint(settings: LanguageModelSettings, baseURL: string): Promise<LanguageModelChoice> {
  let model = settings.model;
  if (model === undefined) {
    const listed = await probeJson(`${baseURL}/models`, settings, authHeaders(settings.apiKey));
    const first = listed.ok ? firstId((listed.body as { data?: unknown } | undefined)?.data, "id") : undefined;
    if (first === undefined) {
      const why = listed.ok ? "it lists no models" : listed.reason;
      return none(`KINDRED_LLM_MODEL is not set and ${baseURL}/models gave no model (${why})`);
    }
    model = first;
  }
  return {
    model: createOpenAIProvider({ baseURL, apiKey: settings.apiKey, model }),
    source: "endpoint",
    description: `${model} at ${baseURL}`,
  };
}

async function fromOllama(settings: LanguageModelSettings): Promise<LanguageModelChoice> {
  const tags = await probeJson(`${settings.ollamaUrl}/api/tags`, settings);
  if (!tags.ok) return none(`no Ollama at ${settings.ollamaUrl} (${tags.reason})`);
  const model = settings.model ?? firstId((tags.body as { models?: unknown } | undefined)?.models, "name");
  if (model === undefined) return none(`Ollama at ${settings.ollamaUrl} has no models yet (try: ollama pull llama3.2)`);
  const baseURL = `${settings.ollamaUrl}/v1`;
  return { model: createOpenAIProvider({ baseURL, model }), source: "ollama", description: `${model} in Ollama at ${settings.ollamaUrl}` };
}

/** Loads node-llama-cpp only when the embedded model is wanted. */
async function fromLocal(local: LocalModelSettings | undefined): Promise<LanguageModelChoice> {
  if (local === undefined || local.model === "none") return none("no embedded model (KINDRED_LOCAL_MODEL is none)");
  const { createLocalProvider, describeSource, isPresent, LocalModelHost, resolveModelSource } = await import("./local");
  const { createGenerationQueue } = await import("./generationQueue");
  const source = resolveModelSource(local.model, local.modelsDir);
  const present = isPresent(source);
  if (!present && source.kind === "file") return none(`KINDRED_LOCAL_MODEL is ${source.path}, which does not exist`);
  const parallel = local.parallel ?? 1;
  const host = new LocalModelHost({ source, gpu: local.gpu, sequences: parallel, maxThreads: local.maxThreads, showCliProgress: local.showCliProgress });
  const model = createLocalProvider({ host, queue: createGenerationQueue({ concurrency: parallel, maxWaiting: local.queue }) });
  const where = present ? "on disk" : "downloads on first start";
  return { model, source: "local", description: `embedded model ${describeSource(source)}, ${where}`, host };
}

function none(description: string): LanguageModelChoice {
  return { model: undefined, source: "none", description };
}

type Probe = { ok: true; body: unknown } | { ok: false; reason: string };

async function probeJson(url: string, settings: LanguageModelSettings, headers: Record<string, string> = {}): Promise<Probe> {
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(settings.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS) });
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    return { ok: true, body: await response.json() };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return { ok: false, reason: `${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

/** The `key` string of the first entry of a list, from a server we do not control. */
function firstId(list: unknown, key: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const value = (list[0] as Record<string, unknown> | undefined)?.[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function authHeaders(apiKey: string | undefined): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}
