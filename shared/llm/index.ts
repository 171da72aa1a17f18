export { LlmStatus } from "./llmStatus";
