export { useChat, addNote, BUBBLE_MS } from "./chatStore";
export { bindChat, sendChat } from "./bindChat";
export { bindCompanionReplies } from "./bindCompanionReplies";
