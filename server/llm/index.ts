export { describeFailure, generateText, type TextOutcome } from "./generateText";
export type { ChatTurn, GenerationRequest, LanguageModel } from "./languageModel";
export { createGenerationQueue, type GenerationQueue, type GenerationQueueOptions, type ReleaseSlot } from "./generationQueue";
/**
 * JSON bound to a schema (for memory extraction and other background work): check a model with
 * `canGenerateJson(model)`, then `model.generateJson(schema, { messages, maxTokens, signal })` returns
 * the parsed object (typed from the schema). The embedded `local` model supports it; the grammar is
 * built from the JSON schema, so the output always has the schema's shape unless maxTokens cuts it
 * short (then a ProviderError "malformed").
 */
export { canGenerateJson, type JsonLanguageModel, type JsonRequest, type JsonSchema, type JsonSchemaToType } from "./jsonLanguageModel";
// The embedded model's modules load node-llama-cpp (seconds): only selectLanguageModel imports them, when chosen.
export type { LocalModelHost, LocalModelState, LocalModelStatus } from "./local";
export { languageModelStatus } from "./languageModelStatus";
export { createOpenAIProvider, type OpenAIProviderOptions } from "./openaiProvider";
export { isProviderError, ProviderError, type ProviderErrorKind } from "./providerError";
export { selectLanguageModel, type LanguageModelChoice, type LanguageModelSettings, type LocalModelSettings } from "./selectLanguageModel";
