import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type { GenerationRequest, LanguageModel } from "./languageModel";
import { ProviderError } from "./providerError";

export interface OpenAIProviderOptions {
  /** e.g. http://127.0.0.1:11434/v1 for Ollama. */
  baseURL: string;
  /** Local servers accept anything; the SDK refuses an empty key, hence the placeholder. */
  apiKey?: string;
  model: string;
  /** Longest wait for the response to start (headers). */
  connectTimeoutMs?: number;
  /** Longest silence between two streamed chunks: the SDK's own timeout stops at the headers. */
  idleTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

/** Any OpenAI-compatible chat completions endpoint (Ollama, llama.cpp, LM Studio, vLLM, OpenAI…). */
export function createOpenAIProvider(options: OpenAIProviderOptions): LanguageModel {
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey || "not-needed",
    timeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // A companion mid-conversation cannot wait through retries; the conversation recovers instead.
    maxRetries: 0,
    // The SDK logs unparsable chunks to the console; we report them as ProviderErrors.
    logLevel: "off",
  });
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return {
    id: `openai:${options.model}@${options.baseURL}`,
    stream: (request) => streamCompletion(client, options.model, idleTimeoutMs, request),
  };
}

async function* streamCompletion(
  client: OpenAI,
  model: string,
  idleTimeoutMs: number,
  request: GenerationRequest,
): AsyncGenerator<string> {
  const { signal } = request;
  if (signal.aborted) throw abortedError();
  // One controller for everything we cancel: the caller's abort, our idle timer, or an early return.
  const controller = new AbortController();
  const forwardAbort = () => controller.abort();
  signal.addEventListener("abort", forwardAbort, { once: true });
  const idle = new IdleTimer(idleTimeoutMs, () => controller.abort());

  let responded = false;
  let finished = false;
  try {
    const stream = await client.chat.completions.create(
      {
        model,
        messages: request.messages,
        stream: true,
        ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
        ...(request.temperature !== undefined && { temperature: request.temperature }),
      },
      { signal: controller.signal },
    );
    responded = true;
    // From here on silence is the stream's fault; before, the SDK's connect timeout applies.
    idle.restart();
    for await (const chunk of stream) {
      idle.restart();
      if (chunk.choices !== undefined && !Array.isArray(chunk.choices)) throw new ProviderError("malformed", "a chunk whose choices are not a list");
      const choice = chunk.choices?.[0];
      const piece = choice?.delta?.content;
      if (piece) yield piece;
      if (choice?.finish_reason) finished = true;
    }
    // The SDK ends quietly when it is aborted; tell the caller why the text stopped.
    if (signal.aborted) throw abortedError();
    if (idle.fired) throw timeoutError(idleTimeoutMs);
    if (!finished) throw new ProviderError("malformed", "the stream ended before the model finished its reply");
  } catch (error) {
    throw classify(error, { responded, callerAborted: signal.aborted, idleFired: idle.fired, idleTimeoutMs });
  } finally {
    idle.stop();
    signal.removeEventListener("abort", forwardAbort);
    // Closes the connection when the consumer stops early (e.g. barge-in without an abort).
    controller.abort();
  }
}

interface FailureContext {
  responded: boolean;
  callerAborted: boolean;
  idleFired: boolean;
  idleTimeoutMs: number;
}

function classify(error: unknown, context: FailureContext): ProviderError {
  if (error instanceof ProviderError) return error;
  if (context.callerAborted) return abortedError(error);
  if (context.idleFired) return timeoutError(context.idleTimeoutMs, error);
  if (error instanceof APIConnectionTimeoutError) return new ProviderError("timeout", "the model server did not answer in time", { cause: error });
  if (error instanceof APIUserAbortError) return abortedError(error);
  if (error instanceof APIConnectionError) return new ProviderError("unreachable", `cannot reach the model server: ${causeMessage(error)}`, { cause: error });
  if (error instanceof APIError) {
    const status = error.status;
    if (status === undefined) return new ProviderError("http", `the model server reported an error in the stream: ${error.message}`, { cause: error });
    return new ProviderError("http", `the model server answered HTTP ${status}: ${error.message}`, { status, cause: error });
  }
  if (error instanceof SyntaxError) return new ProviderError("malformed", `an unparsable chunk in the stream: ${error.message}`, { cause: error });
  if (context.responded) return new ProviderError("malformed", `the stream broke off: ${causeMessage(error)}`, { cause: error });
  return new ProviderError("unreachable", `cannot reach the model server: ${causeMessage(error)}`, { cause: error });
}

function abortedError(cause?: unknown): ProviderError {
  return new ProviderError("aborted", "the generation was cancelled", { cause });
}

function timeoutError(ms: number, cause?: unknown): ProviderError {
  return new ProviderError("timeout", `the model server went silent for ${ms} ms`, { cause });
}

function causeMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

/** Fires once if not restarted within `ms`. */
class IdleTimer {
  fired = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ms: number,
    private readonly onFire: () => void,
  ) {}

  restart(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.fired = true;
      this.onFire();
    }, this.ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
