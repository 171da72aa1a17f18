import { companionTracks, type CompanionTrack } from "../../companions";
import { heardTime, openedAudioOutput } from "./audioOutput";
import { companionHead } from "./companionHead";
import type { CompanionVoice } from "./companionVoice";
import { companionVoices } from "./voiceRegistry";
import { voicePlaybackStatus } from "./voiceStatus";

const head = { x: 0, y: 0, z: 0 };
let heard = 0;
let frame = 0;
const seenIn = new WeakMap<CompanionVoice, number>();

function updateVoiceOf(track: CompanionTrack): void {
  const voice = companionVoices.get(track.id);
  if (!voice) return;
  seenIn.set(voice, frame);
  voice.update(heard, track.driver, companionHead(track, head));
}

function silenceIfGone(voice: CompanionVoice): void {
  // Its companion left the room: nobody is there to speak.
  if (seenIn.get(voice) !== frame && voice.playing) voice.stop("left");
}

function copyListener(matrix: ArrayLike<number>): void {
  const listener = voicePlaybackStatus.listener;
  listener.x = matrix[12]!;
  listener.y = matrix[13]!;
  listener.z = matrix[14]!;
  // The first column is the listener's local +X, its right ear, in world space.
  const length = Math.hypot(matrix[0]!, matrix[1]!, matrix[2]!) || 1;
  listener.right.x = matrix[0]! / length;
  listener.right.y = matrix[1]! / length;
  listener.right.z = matrix[2]! / length;
}

/**
 * Once a frame: every voice follows its companion's head and hands the mouth the chunks now
 * heard. The callbacks are module functions and the head a reused record: nothing is allocated.
 */
export function updateCompanionVoices(): void {
  const output = openedAudioOutput();
  voicePlaybackStatus.audio = output ? output.context.state : "none";
  if (!output) return;
  copyListener(output.listener.matrixWorld.elements);
  heard = heardTime(output.context);
  frame++;
  companionTracks.forEach(updateVoiceOf);
  companionVoices.forEach(silenceIfGone);
}
