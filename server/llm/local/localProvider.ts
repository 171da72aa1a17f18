import { Readable } from "node:stream";
import type { ChatHistoryItem, LlamaGrammar } from "node-llama-cpp";
import type { GenerationQueue } from "../generationQueue";
import type { JsonLanguageModel } from "../jsonLanguageModel";
import type { ChatTurn, GenerationRequest } from "../languageModel";
import { ProviderError } from "../providerError";
import { describeStatus } from "./describeStatus";
import type { LoadedModel, LocalModelHost } from "./localModelHost";

export interface LocalProviderOptions {
  host: LocalModelHost;
  /** Shared by every companion: the host has as many context sequences as this lets run at once. */
  queue: GenerationQueue;
}

/**
 * The embedded model (node-llama-cpp) as a LanguageModel. Each generation takes a queue slot and a
 * context sequence (kept warm between generations), formats the chat with the model's own template,
 * and streams the text as it is decoded. Until the model is ready, generations are refused as "loading".
 */
export function createLocalProvider({ host, queue }: LocalProviderOptions): JsonLanguageModel {
  const run = async function* (request: GenerationRequest, grammar?: LlamaGrammar): AsyncGenerator<string> {
    if (request.signal.aborted) throw abortedError();
    const loaded = requireLoaded(host);
    const release = await queue.acquire(request.signal);
    try {
      yield* generate(loaded, request, grammar);
    } finally {
      release();
    }
  };
  return {
    id: `local:${host.options.source.path}`,
    stream: (request) => run(request),
    async generateJson(schema, request) {
      const grammar = await requireLoaded(host).llama.createGrammarForJsonSchema(schema);
      let text = "";
      for await (const piece of run(request, grammar)) text += piece;
      try {
        return grammar.parse(text);
      } catch (error) {
        throw new ProviderError("malformed", `the model's JSON did not parse (cut off by maxTokens?): ${(error as Error).message}`, { cause: error });
      }
    },
  };
}

function requireLoaded(host: LocalModelHost): LoadedModel {
  const loaded = host.loaded;
  if (loaded) return loaded;
  const status = host.status.current;
  if (status.state === "failed") throw new ProviderError("unreachable", `the local model failed to start: ${status.error}`);
  throw new ProviderError("loading", `the local model is not ready yet: ${describeStatus(status)}`);
}

/**
 * node-llama-cpp reports text through a callback; a paused Readable turns that into the pull-based
 * stream callers iterate, buffering what arrives while the consumer is busy.
 */
async function* generate(loaded: LoadedModel, request: GenerationRequest, grammar: LlamaGrammar | undefined): AsyncGenerator<string> {
  const controller = new AbortController();
  const forwardAbort = () => controller.abort();
  request.signal.addEventListener("abort", forwardAbort, { once: true });
  const pieces = new Readable({ objectMode: true, read() {} });
  const chat = loaded.chats.take();
  const finished = chat
    .generateResponse(toHistory(request.messages), {
      signal: controller.signal,
      onTextChunk: (text) => pieces.push(text),
      ...(request.maxTokens !== undefined && { maxTokens: request.maxTokens }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(grammar && { grammar }),
    })
    .then(
      () => void pieces.push(null),
      (error: unknown) => void pieces.destroy(classify(error, request.signal.aborted)),
    );
  try {
    for await (const piece of pieces) {
      // Pieces decoded before the abort may still be buffered: none of them is said after it.
      if (request.signal.aborted) throw abortedError();
      yield piece as string;
    }
    if (request.signal.aborted) throw abortedError();
  } finally {
    request.signal.removeEventListener("abort", forwardAbort);
    // The consumer may stop early (barge-in): end the generation before the sequence is reused.
    controller.abort();
    await finished;
    loaded.chats.give(chat);
  }
}

/** Our chat turns in node-llama-cpp's history shape, ending with the reply to generate. */
function toHistory(messages: ChatTurn[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((turn) => {
    if (turn.role === "assistant") return { type: "model", response: [turn.content] };
    return { type: turn.role, text: turn.content };
  });
  // A trailing assistant turn is a reply to continue; otherwise a new one starts.
  if (messages.at(-1)?.role !== "assistant") history.push({ type: "model", response: [] });
  return history;
}

function classify(error: unknown, callerAborted: boolean): ProviderError {
  if (error instanceof ProviderError) return error;
  if (callerAborted) return abortedError(error);
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError("malformed", `the local model failed while generating: ${message}`, { cause: error });
}

function abortedError(cause?: unknown): ProviderError {
  return new ProviderError("aborted", "the generation was cancelled", { cause });
}
