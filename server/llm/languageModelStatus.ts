import type { LlmStatus } from "../../shared/llm";
import type { LanguageModelChoice } from "./selectLanguageModel";

/** What the web client may know about the companions' model (see shared/llm/llmStatus). */
export function languageModelStatus(choice: LanguageModelChoice): LlmStatus {
  if (choice.source === "none") return { provider: "none", state: "none", progress: 0 };
  if (choice.source !== "local") return { provider: choice.source, state: "ready", progress: 1 };
  const { state, progress, downloadedBytes, totalBytes } = choice.host.status.current;
  return {
    provider: "local",
    state,
    progress,
    ...(downloadedBytes !== undefined && { downloadedBytes }),
    ...(totalBytes !== undefined && { totalBytes }),
  };
}
