import type { LanguageModel } from "./languageModel";
import { createOpenAIProvider } from "./openaiProvider";

export interface LanguageModelSettings {
  mode: "auto" | "openai" | "none";
  baseUrl?: string;
  apiKey?: string;
  model?: string;
  ollamaUrl: string;
  /** Longest wait for a model server to answer a probe at start. */
  probeTimeoutMs?: number;
}

/** What companions think with, and why: shown at start so a user knows what to change. */
export type LanguageModelChoice =
  | { model: LanguageModel; source: "endpoint" | "ollama"; description: string }
  | { model: undefined; source: "none"; description: string };

const DEFAULT_PROBE_TIMEOUT_MS = 2_000;

/**
 * Picks the language model once, at start. `auto`: the configured endpoint, else Ollama when it
 * answers, else none. Never throws: without a model the world still runs and companions explain
 * how to give them one.
 */
export async function selectLanguageModel(settings: LanguageModelSettings): Promise<LanguageModelChoice> {
  if (settings.mode === "none") return none("KINDRED_LLM is none");
  if (settings.baseUrl !== undefined) return fromEndpoint(settings, settings.baseUrl);
  if (settings.mode === "openai") return none("KINDRED_LLM is openai but KINDRED_LLM_BASE_URL is not set");
  // The embedded node-llama-cpp provider (a GGUF in the data folder) is not built yet: when it is,
  // `auto` tries it here when Ollama gives no model, before settling for none.
  return fromOllama(settings);
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
  if (!tags.ok) return none(`no model endpoint configured and no Ollama at ${settings.ollamaUrl} (${tags.reason})`);
  const model = settings.model ?? firstId((tags.body as { models?: unknown } | undefined)?.models, "name");
  if (model === undefined) return none(`Ollama at ${settings.ollamaUrl} has no models yet (try: ollama pull llama3.2)`);
  const baseURL = `${settings.ollamaUrl}/v1`;
  return { model: createOpenAIProvider({ baseURL, model }), source: "ollama", description: `${model} in Ollama at ${settings.ollamaUrl}` };
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
