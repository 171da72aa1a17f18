export { assemblePrompt, DEFAULT_MAX_TURNS, type AssembledPrompt, type PromptInput } from "./assemblePrompt";
export { audienceOf, historyFor, type ConversationTurn } from "./conversationTurn";
export { describePersona } from "./personaBlock";
export { detectPersonaBreak, type PersonaBreak } from "./personaBreak";
export { noRecall, type MemoryRecall, type RecallContext, type RecalledMemory } from "./recall";
export { frameSpeech, type Speaker, type Utterance } from "./speech";
export { systemPrompt } from "./systemPrompt";
export { estimateMessageTokens, estimateTokens } from "./tokenEstimate";
export { describeLocalTime, describeWorld, type WorldContext } from "./worldContext";
