import { ServerMessage, type CompanionDoneEvent, type CompanionSentenceEvent } from "../../shared/protocol";
import type { Action } from "../../shared/persona";
import type { WorldRoom } from "../net";
import { useWorld } from "../world";
import { companionTrackById, useCompanions, type CompanionTrack } from "./companionStore";
import { personPoint, type Point } from "./personPosition";
import { findPointOfInterest } from "./pointOfInterest";

/** Someone is pointed at at chest height. */
const CHEST_HEIGHT = 1.2;

/** Where a `point` action aims: the named place in this world, else the companion's owner. */
function pointTarget(track: CompanionTrack, target: string | undefined): Point | undefined {
  const place = target ? findPointOfInterest(useWorld.getState().world?.pointsOfInterest ?? [], target) : null;
  if (place) return { x: place.position[0], y: place.position[1], z: place.position[2] };
  const owner: Point = { x: 0, y: 0, z: 0 };
  return personPoint(track.ownerSession, CHEST_HEIGHT, owner) ? owner : undefined;
}

function perform(track: CompanionTrack, action: Action): void {
  if (action.name === "point") track.driver.playGesture("point", pointTarget(track, action.target));
  else track.driver.playGesture(action.name);
}

/**
 * Companions' sentences drive their bodies, on every client: the emotion sets the face, the
 * text moves the lips (from its letters, unless the sentence is voiced: then the audio chunks
 * that follow drive them), actions become gestures, and the sentence shows in a bubble above
 * the head. A reply cut short stops the mouth.
 */
export function bindCompanionSpeech(room: WorldRoom): () => void {
  const stopSentences = room.onMessage(ServerMessage.CompanionSentence, (event: CompanionSentenceEvent) => {
    const track = companionTrackById(event.companionId);
    if (!track) return;
    if (event.emotion) track.driver.setEmotion(event.emotion);
    for (const action of event.actions) perform(track, action);
    if (!event.text) return;
    if (!event.voiced) track.driver.speakText(event.text);
    const said = { id: `${event.companionId}-${event.seq}`, text: event.text, receivedAt: performance.now() };
    useCompanions.setState((s) => ({ saying: { ...s.saying, [event.companionId]: said } }));
  });
  const stopDone = room.onMessage(ServerMessage.CompanionDone, (event: CompanionDoneEvent) => {
    if (event.interrupted) companionTrackById(event.companionId)?.driver.stopSpeaking();
  });
  return () => {
    stopSentences();
    stopDone();
  };
}
