import type { PersonaBlueprint } from "../../shared/persona";
import type { CompanionState } from "../../shared/state";
import type { Conversation, Speaker, Utterance } from "../companion";
import type { MemorySession } from "../memory";
import type { CompanionVoice } from "../speech";
import type { LiveTurns } from "./liveTurns";

/** One reply being said. `over` once its `done` was broadcast: later events of it are dropped. */
export interface Reply {
  said: string[];
  over: boolean;
  /** Whom it answers, for memory (absent for the setup hint and unanswered lines). */
  to?: Speaker;
  gestures?: string[];
}

/** A companion live in a room: its body, its mind, and the reply it is saying. */
export interface LiveCompanion {
  state: CompanionState;
  /** `timeZone`: the one the owner's client sent on joining, if any. */
  owner: { userId: string; name: string; timeZone?: string | undefined };
  persona: PersonaBlueprint;
  conversation: Conversation | undefined;
  memory: MemorySession | undefined;
  seq: number;
  reply: Reply | undefined;
  /** Someone else's line heard while it was busy, answered next; a newer one replaces it. */
  pending: { sessionId: string; utterance: Utterance; memoryTurn: string | undefined } | undefined;
  /** Which memory each conversation turn is, so what the owner deletes leaves the conversation. */
  liveTurns: LiveTurns;
  /** Speaks its replies aloud; absent when the server has no TTS engine (text only). */
  voice: CompanionVoice | undefined;
}
