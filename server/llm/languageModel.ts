/** One message of a chat-style prompt, in the shape every OpenAI-compatible server accepts. */
export interface ChatTurn {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface GenerationRequest {
  messages: ChatTurn[];
  maxTokens?: number;
  temperature?: number;
  /** Aborting it ends the stream promptly with a ProviderError of kind "aborted". */
  signal: AbortSignal;
}

/**
 * A language model the companion can talk through. Providers differ (remote endpoint, embedded
 * model); the mind only needs text pieces as they are generated, so it can speak before the
 * reply is complete.
 */
export interface LanguageModel {
  /** Stable, human-readable identity, e.g. "openai:llama3.2@http://127.0.0.1:11434/v1". */
  readonly id: string;
  /**
   * Yields text pieces in order. Ends normally only when the model finished its reply; any
   * failure (including cancellation) is thrown as a ProviderError.
   */
  stream(request: GenerationRequest): AsyncIterable<string>;
}
