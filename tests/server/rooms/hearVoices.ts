import type { CompanionDoneEvent, CompanionSentenceEvent } from "../../../shared/protocol";
import type { CompanionAudioEvent, CompanionAudioStopEvent } from "../../../shared/speech";
import { recordEvents, type Joined } from "./roomTestClient";

export type Voiced =
  | ({ kind: "sentence" } & CompanionSentenceEvent)
  | ({ kind: "done" } & CompanionDoneEvent)
  | ({ kind: "audio" } & CompanionAudioEvent)
  | ({ kind: "audio-stop" } & CompanionAudioStopEvent);

/** Records a player's companion events and audio in the one order they arrived. */
export function hearVoices(room: Joined) {
  const events = recordEvents<Voiced>((heard) => heard.map((event) => event.kind).join(", "));
  room.onMessage("companion:sentence", (event: CompanionSentenceEvent) => events.record({ kind: "sentence", ...event }));
  room.onMessage("companion:done", (event: CompanionDoneEvent) => events.record({ kind: "done", ...event }));
  room.onMessage("companion:audio", (event: CompanionAudioEvent) => events.record({ kind: "audio", ...event }));
  room.onMessage("companion:audio-stop", (event: CompanionAudioStopEvent) => events.record({ kind: "audio-stop", ...event }));
  return {
    heard: events.heard,
    until: events.until,
    of: <K extends Voiced["kind"]>(kind: K) => events.heard.filter((event): event is Extract<Voiced, { kind: K }> => event.kind === kind),
  };
}
