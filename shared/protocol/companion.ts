import { z } from "zod";
import type { Action, Emotion } from "../persona";

/** `companion:stop`: the owner asks their companion to stop talking now. */
export const CompanionStopMessage = z
  .object({
    companionId: z.string().min(1, "companionId is empty").max(64, "companionId is longer than 64 characters"),
  })
  .strict();
export type CompanionStopMessage = z.infer<typeof CompanionStopMessage>;

/**
 * `companion:sentence`, broadcast to the room: one speakable sentence of a companion's reply, as
 * it is generated, so every client can show the bubble and drive the face.
 */
export interface CompanionSentenceEvent {
  companionId: string;
  /** The owner's user id. */
  ownerId: string;
  /** Increases by one with every sentence this companion says in this room, across replies. */
  seq: number;
  /** Clean text (tags removed); empty for a reply that was only a gesture or an expression. */
  text: string;
  emotion?: Emotion;
  actions: Action[];
  /** True when `companion:audio` chunks with this `seq` as `sentenceSeq` follow: the mouth waits for them instead of reading the letters. */
  voiced?: boolean;
}

/** `companion:done`, broadcast to the room: the reply is over. */
export interface CompanionDoneEvent {
  companionId: string;
  /** Everything said in this reply. */
  text: string;
  /** True when it was cut short (a stop, a new line from the owner, or a failing model). */
  interrupted: boolean;
}
