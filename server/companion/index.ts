export { Conversation, type ConversationOptions } from "./conversation";
export { inCharacterLine, type InCharacterLine } from "./inCharacterLines";
export * from "./prompt";
export * from "./reply";
export { setupHint } from "./setupHint";
