import { create } from "zustand";
import type { ChatEvent } from "../../shared/protocol";

/** A line in the chat log: something someone said, or a note from Kindred itself. */
export interface ChatLine {
  id: string;
  text: string;
  time: number;
  /** Absent for Kindred's own notes (travel, errors). */
  from?: { userId: string; name: string };
}

const LOG_LIMIT = 100;
/** How long a chat bubble stays above a head. */
export const BUBBLE_MS = 6000;

export interface Bubble {
  id: string;
  text: string;
  /** performance.now() when it arrived: bubbles age by this clock, not the server's. */
  receivedAt: number;
}

interface ChatState {
  lines: ChatLine[];
  /** The latest thing each user said, for the bubble above their head. */
  bubbles: Record<string, Bubble>;
}

export const useChat = create<ChatState>(() => ({ lines: [], bubbles: {} }));

export function receiveChat(event: ChatEvent): void {
  const line: ChatLine = { id: event.id, text: event.text, time: event.time, from: { userId: event.userId, name: event.name } };
  useChat.setState((s) => ({
    lines: appendCapped(s.lines, line),
    bubbles: { ...s.bubbles, [event.userId]: { id: event.id, text: event.text, receivedAt: performance.now() } },
  }));
}

let noteCounter = 0;

/** Adds one of Kindred's own notes to the log (not a bubble). */
export function addNote(text: string): void {
  const line: ChatLine = { id: `note-${++noteCounter}`, text, time: Date.now() };
  useChat.setState((s) => ({ lines: appendCapped(s.lines, line) }));
}

/**
 * Adds a line, or grows it when it is already in the log: a companion's reply arrives sentence
 * by sentence and reads as one line.
 */
export function upsertLine(line: ChatLine): void {
  useChat.setState((s) => {
    const at = s.lines.findIndex((l) => l.id === line.id);
    if (at < 0) return { lines: appendCapped(s.lines, line) };
    const lines = s.lines.slice();
    lines[at] = line;
    return { lines };
  });
}

function appendCapped(lines: ChatLine[], line: ChatLine): ChatLine[] {
  const next = lines.length >= LOG_LIMIT ? lines.slice(lines.length - LOG_LIMIT + 1) : lines.slice();
  next.push(line);
  return next;
}
