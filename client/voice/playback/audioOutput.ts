import { AudioContext as SharedAudioContext, AudioListener } from "three";
import { peakMeter } from "./peakMeter";
import { voicePlaybackStatus } from "./voiceStatus";

/** The page's audio output: one AudioContext, and the listener that rides on the camera. */
export interface AudioOutput {
  context: AudioContext;
  listener: AudioListener;
}

let output: AudioOutput | null = null;

/** The output if it has been opened (by a gesture or the first chunk of speech), else null. */
export function openedAudioOutput(): AudioOutput | null {
  return output;
}

/** Opens the output on first use; null where the browser has no WebAudio. */
export function audioOutput(): AudioOutput | null {
  if (output) return output;
  if (typeof window === "undefined" || typeof window.AudioContext !== "function") return null;
  // three's shared context, so the listener and every PositionalAudio use the same one.
  const listener = new AudioListener();
  const context = SharedAudioContext.getContext() as AudioContext;
  output = { context, listener };
  const splitter = context.createChannelSplitter(2);
  listener.getInput().connect(splitter);
  const left = peakMeter(context, splitter, 0);
  const right = peakMeter(context, splitter, 1);
  voicePlaybackStatus.ears = {
    get left() {
      return left.read();
    },
    get right() {
      return right.read();
    },
  };
  return output;
}

/**
 * The audio clock as heard: the context's time less what is still buffered on its way to the
 * speakers, so a mouth reading it moves with the sound rather than ahead of it.
 */
export function heardTime(context: AudioContext): number {
  return context.currentTime - (context.baseLatency || 0) - (context.outputLatency || 0);
}

const GESTURES = ["pointerdown", "keydown", "touchend"] as const;

function resumeOnGesture(): void {
  const opened = audioOutput();
  if (!opened) return stopListening();
  if (opened.context.state === "running") return stopListening();
  // A refused resume leaves the listeners in place: the next gesture tries again.
  void opened.context.resume().then(() => {
    if (opened.context.state === "running") stopListening();
  });
}

function stopListening(): void {
  for (const gesture of GESTURES) window.removeEventListener(gesture, resumeOnGesture, true);
}

/**
 * Browsers only let audio start from a user gesture: the first click or key in the page (the
 * name screen's join button is one) opens and resumes the output, silently.
 */
export function unlockAudioOnFirstGesture(): void {
  for (const gesture of GESTURES) window.addEventListener(gesture, resumeOnGesture, true);
}
