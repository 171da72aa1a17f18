import type { GenerationRequest, LanguageModel } from "./languageModel";
import { isProviderError, type ProviderErrorKind } from "./providerError";

export type TextOutcome =
  | { ok: true; text: string }
  /** `text` is what arrived before the failure; `reason` says why in a sentence for logs. */
  | { ok: false; text: string; kind: ProviderErrorKind | "unknown"; reason: string };

/**
 * The whole reply as one string, for callers that do not stream (summaries, memory extraction).
 * Never throws: background work should log a reason, not crash the room.
 */
export async function generateText(model: LanguageModel, request: GenerationRequest): Promise<TextOutcome> {
  let text = "";
  try {
    for await (const piece of model.stream(request)) text += piece;
    return { ok: true, text };
  } catch (error) {
    return { ok: false, text, ...describeFailure(error) };
  }
}

/** Any error from a provider as a kind and a reason. */
export function describeFailure(error: unknown): { kind: ProviderErrorKind | "unknown"; reason: string } {
  if (isProviderError(error)) return { kind: error.kind, reason: error.message };
  return { kind: "unknown", reason: error instanceof Error ? error.message : String(error) };
}
