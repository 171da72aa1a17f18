import type { SentenceEvent } from "./reply";

/**
 * What a companion says, once to each owner, when the server has no language model: in character,
 * but precise enough to act on. English for now; it names settings, which are English anyway.
 */
export function setupHint(): SentenceEvent[] {
  return [
    { type: "sentence", text: "I'd love to talk with you, but I can't think yet: there's no language model for me here.", emotion: "sad", actions: [] },
    {
      type: "sentence",
      text: "Start Ollama on the server's machine (ollama pull llama3.2), or set KINDRED_LLM_BASE_URL and KINDRED_LLM_MODEL to any OpenAI-compatible endpoint, then restart Kindred.",
      emotion: "neutral",
      actions: [],
    },
    { type: "sentence", text: "Until then, I'll just walk beside you.", emotion: "happy", actions: [{ name: "nod" }] },
  ];
}
