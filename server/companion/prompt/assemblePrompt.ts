import type { PersonaBlueprint } from "../../../shared/persona";
import type { ChatTurn } from "../../llm";
import type { ConversationTurn } from "./conversationTurn";
import type { RecalledMemory } from "./recall";
import { frameSpeech, type Utterance } from "./speech";
import { systemPrompt } from "./systemPrompt";
import { estimateMessageTokens, estimateTokens } from "./tokenEstimate";
import { describeWorld, type WorldContext } from "./worldContext";

export interface PromptInput {
  persona: PersonaBlueprint;
  /** What the relationship is like so far, from memory; absent until there is one. */
  relationship?: string;
  /** Most relevant first. */
  memories: RecalledMemory[];
  /** Oldest first; the current utterance is not in it. */
  history: ConversationTurn[];
  world: WorldContext;
  utterance: Utterance;
  /** Total tokens the prompt may use (the model's context minus room for the reply). */
  budgetTokens: number;
  /** At most this many history turns, newest kept. */
  maxTurns?: number;
}

export interface AssembledPrompt {
  messages: ChatTurn[];
  estimatedTokens: number;
  droppedTurns: number;
  droppedMemories: number;
  /** The persona and the utterance alone exceed the budget; they are sent whole anyway. */
  overBudget: boolean;
}

export const DEFAULT_MAX_TURNS = 16;
/** Shares of what is left after the persona, the utterance and the world, so history keeps room. */
const RELATIONSHIP_SHARE = 0.2;
const MEMORY_SHARE = 0.35;

/**
 * Builds the prompt for one reply. Priority, highest first: persona (never cut), the utterance,
 * the world, the relationship summary (trimmed), recalled memories (least relevant dropped), then
 * the history (oldest dropped first).
 */
export function assemblePrompt(input: PromptInput): AssembledPrompt {
  const persona = systemPrompt(input.persona);
  const current: ChatTurn = { role: "user", content: frameSpeech(input.utterance) };
  const world = `Right now: ${describeWorld(input.world)}`;
  const fixed = estimateMessageTokens({ content: persona }) + estimateMessageTokens(current) + estimateTokens(world) + 2;
  let left = Math.max(0, input.budgetTokens - fixed);

  const relationship = input.relationship ? trimToTokens(`How things are between you and your owner: ${input.relationship}`, Math.floor(left * RELATIONSHIP_SHARE)) : "";
  left -= estimateTokens(relationship);

  const memoryLines: string[] = [];
  let memoryAllowance = Math.floor(left * MEMORY_SHARE) - estimateTokens("Things you remember:\n");
  for (const memory of input.memories) {
    const line = `- ${memory.when ? `(${memory.when}) ` : ""}${memory.text}`;
    const cost = estimateTokens(line) + 1;
    if (cost > memoryAllowance) break;
    memoryLines.push(line);
    memoryAllowance -= cost;
  }
  const memories = memoryLines.length > 0 ? `Things you remember:\n${memoryLines.join("\n")}` : "";
  left -= estimateTokens(memories);

  const kept: ChatTurn[] = [];
  const recent = input.history.slice(-(input.maxTurns ?? DEFAULT_MAX_TURNS));
  for (let i = recent.length - 1; i >= 0; i--) {
    const message = toMessage(recent[i]!);
    const cost = estimateMessageTokens(message);
    if (cost > left) break;
    kept.unshift(message);
    left -= cost;
  }

  const system = [persona, relationship, memories, world].filter(Boolean).join("\n\n");
  const messages = mergeSameRole([{ role: "system", content: system }, ...kept, current]);
  return {
    messages,
    estimatedTokens: messages.reduce((sum, message) => sum + estimateMessageTokens(message), 0),
    droppedTurns: input.history.length - kept.length,
    droppedMemories: input.memories.length - memoryLines.length,
    overBudget: fixed > input.budgetTokens,
  };
}

function toMessage(turn: ConversationTurn): ChatTurn {
  if (turn.role === "person") return { role: "user", content: frameSpeech(turn.utterance) };
  // A trailing ellipsis tells the model it was cut off without inventing markup it might imitate.
  return { role: "assistant", content: turn.interrupted && !turn.text.endsWith("…") ? `${turn.text}…` : turn.text };
}

/** Several chat templates (Mistral, Gemma…) reject two user or two assistant messages in a row. */
function mergeSameRole(messages: ChatTurn[]): ChatTurn[] {
  const merged: ChatTurn[] = [];
  for (const message of messages) {
    const last = merged.at(-1);
    if (last && last.role === message.role) merged[merged.length - 1] = { role: last.role, content: `${last.content}\n\n${message.content}` };
    else merged.push({ ...message });
  }
  return merged;
}

/** Cuts at a word boundary, marking the cut. */
function trimToTokens(text: string, maxTokens: number): string {
  if (estimateTokens(text) <= maxTokens) return text;
  if (maxTokens <= 0) return "";
  let end = Math.min(text.length, maxTokens * 4);
  while (end > 0 && estimateTokens(text.slice(0, end)) > maxTokens - 1) end = Math.floor(end * 0.9);
  const space = text.lastIndexOf(" ", end);
  return `${text.slice(0, space > 0 ? space : end)}…`;
}
