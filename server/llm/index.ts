export { describeFailure, generateText, type TextOutcome } from "./generateText";
export type { ChatTurn, GenerationRequest, LanguageModel } from "./languageModel";
export { createOpenAIProvider, type OpenAIProviderOptions } from "./openaiProvider";
export { isProviderError, ProviderError, type ProviderErrorKind } from "./providerError";
export { selectLanguageModel, type LanguageModelChoice, type LanguageModelSettings } from "./selectLanguageModel";
