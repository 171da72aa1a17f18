import { ServerMessage, type CompanionDoneEvent, type CompanionSentenceEvent } from "../../shared/protocol";
import type { ActionName } from "../../shared/persona";
import type { CompanionAudioEvent, CompanionAudioStopEvent } from "../../shared/speech";
import type { CompanionState } from "../../shared/state";
import { joinSentences, type SentenceEvent } from "../companion";
import type { LiveCompanion, Reply } from "./liveCompanion";

/** How a reply reaches the room: the broadcast, and the body's gestures. */
export interface ReplyOutlet {
  broadcast: (type: string, message: CompanionSentenceEvent | CompanionDoneEvent | CompanionAudioEvent | CompanionAudioStopEvent) => void;
  /** Shows a gesture from a sentence's actions on the companion's body for the gesture's duration. */
  gesture: (companion: CompanionState, name: ActionName) => void;
}

/** One sentence of a reply: said in the room, shown on the face and body. */
export function broadcastSentence(outlet: ReplyOutlet, companion: LiveCompanion, reply: Reply, event: SentenceEvent): void {
  const { state } = companion;
  reply.said.push(event.text);
  state.speaking = true;
  for (const action of event.actions) reply.gestures?.push(action.target ? `${action.name}:${action.target}` : action.name);
  const gesture = event.actions[0];
  if (gesture) outlet.gesture(state, gesture.name);
  if (event.emotion) state.emotion = event.emotion;
  const message: CompanionSentenceEvent = { companionId: state.id, ownerId: state.ownerId, seq: ++companion.seq, text: event.text, actions: event.actions };
  if (event.emotion) message.emotion = event.emotion;
  // Before the sentence goes out, so the client knows to wait for its audio.
  if (companion.voice?.say(message.seq, event.text)) message.voiced = true;
  outlet.broadcast(ServerMessage.CompanionSentence, message);
}

/** The reply is over: the room gets its one `done`, and the companion remembers what it said. */
export function finishReply(outlet: ReplyOutlet, companion: LiveCompanion, reply: Reply, interrupted: boolean): void {
  if (reply.over) return;
  reply.over = true;
  if (companion.reply === reply) companion.reply = undefined;
  companion.state.speaking = false;
  companion.state.attention = "";
  // Cut short, the voice was already stopped (see RoomCompanions.interrupt); else it says the rest.
  companion.voice?.finish();
  const message: CompanionDoneEvent = { companionId: companion.state.id, text: joinSentences(reply.said), interrupted };
  outlet.broadcast(ServerMessage.CompanionDone, message);
  if (!reply.to) return;
  const memoryTurn = companion.memory?.replied({ text: message.text, interrupted, emotion: companion.state.emotion, actions: reply.gestures ?? [], to: reply.to });
  if (companion.conversation) companion.liveTurns.tagLatest(companion.conversation, "companion", memoryTurn);
}
