import { create } from "zustand";
import { ClientMessage, type ErrorEvent } from "../../../shared/protocol";
import { VOICE_SEGMENT_MAX_SECONDS } from "../../../shared/speech";
import type { Detector, DetectorEvents } from "./handsFreeDetector";
import { describeMicError } from "./micErrors";
import type { Recording } from "./pushToTalkRecorder";
import { voiceSegments } from "./voiceSegments";

export type VoiceMode = "push-to-talk" | "hands-free";
export type ListeningState = "idle" | "listening" | "speaking" | "sending" | "unavailable";

export interface VoiceInputState {
  mode: VoiceMode;
  /** idle: the mic is off · listening: it is on, waiting for speech · speaking: speech is being captured · sending: awaiting what the server heard · unavailable: the server cannot recognise speech. */
  state: ListeningState;
  /** Why speech recognition is unavailable (state "unavailable"), from the server. */
  reason?: string;
  lastTranscript?: string;
  /** What went wrong last (microphone refused, nothing heard…), until something works again. */
  problem?: string;
  /** Hands-free: the detector is loading (its model, WASM, the microphone). */
  starting: boolean;
  /** Counters for tools and tests (window.__kindred.listening). */
  speechStarts: number;
  segmentsSent: number;
  transcripts: number;
  /** Hold to talk (key or button) and let go to send; push-to-talk mode only. */
  startPushToTalk(): void;
  stopPushToTalk(): void;
  setMode(mode: VoiceMode): void;
  /** The room's answers: what the server heard, a refusal, and whether it can recognise speech. */
  heard(text: string): void;
  refused(error: ErrorEvent): void;
  setAvailability(asr: { available: boolean; reason?: string }): void;
}

/** What the store drives: the microphone, the detector, the room and the companion's playback. */
export interface VoiceInputDeps {
  startRecording(): Promise<Recording>;
  startDetector(events: DetectorEvents): Promise<Detector>;
  /** Each sends to the room; false when not connected. */
  sendStart(): boolean;
  sendSegment(pcm: Uint8Array<ArrayBuffer>): boolean;
  /** Barge-in: the own companion stops talking at once. */
  silenceOwnCompanion(): void;
}

/** A held push-to-talk stops itself at the longest segment the server takes. */
const PUSH_TO_TALK_MAX_MS = VOICE_SEGMENT_MAX_SECONDS * 1000;
/** Stop waiting for the server's answer to a segment after this; it was lost. */
export const ANSWER_TIMEOUT_MS = 30_000;

export const TOO_SHORT = "That was too short to hear: hold the key or the button while you speak.";
export const NOT_CONNECTED = "Not connected: what you said was not sent.";
export const TAKE_CUT = `${VOICE_SEGMENT_MAX_SECONDS} seconds is the longest one take can be: what you said was sent. Press again to go on.`;

export function createVoiceInputStore(deps: VoiceInputDeps) {
  return create<VoiceInputState>()((set, get) => {
    /** Push-to-talk is held down (key or button). */
    let held = false;
    /** Bumped per press: a microphone that opens after its press was released is closed again. */
    let press = 0;
    let recording: Recording | null = null;
    let pushToTalkLimit: ReturnType<typeof setTimeout> | undefined;
    /** The last take was stopped at the limit while still held: the user is told until the next press. */
    let cut = false;
    let detector: Detector | null = null;
    /** Bumped per detector start and stop: a late start or event of a stopped detector is ignored. */
    let detectorRun = 0;
    /** Segments sent that the server has not answered yet. */
    let awaiting = 0;
    let answerTimer: ReturnType<typeof setTimeout> | undefined;

    const unavailable = () => get().state === "unavailable";

    /** Back to waiting: listening while the detector runs, idle otherwise. */
    function rest(): void {
      if (unavailable()) return;
      set({ state: detector ? "listening" : "idle" });
    }

    function beginSpeech(): void {
      cut = false;
      deps.silenceOwnCompanion();
      deps.sendStart();
      set((s) => ({ state: "speaking", speechStarts: s.speechStarts + 1, problem: undefined }));
    }

    function deliver(samples: Float32Array): void {
      if (unavailable()) return;
      const segments = voiceSegments(samples);
      if (segments.length === 0) {
        set({ problem: TOO_SHORT });
        rest();
        return;
      }
      for (const segment of segments) {
        if (!deps.sendSegment(segment)) {
          set({ problem: NOT_CONNECTED });
          rest();
          return;
        }
        awaiting++;
        set((s) => ({ segmentsSent: s.segmentsSent + 1 }));
      }
      set({ state: "sending" });
      clearTimeout(answerTimer);
      answerTimer = setTimeout(() => {
        awaiting = 0;
        if (get().state === "sending") rest();
      }, ANSWER_TIMEOUT_MS);
    }

    function answered(): void {
      awaiting = Math.max(0, awaiting - 1);
      if (awaiting > 0) return;
      clearTimeout(answerTimer);
      if (get().state === "sending") rest();
    }

    function dropPushToTalk(): void {
      held = false;
      cut = false;
      press++;
      clearTimeout(pushToTalkLimit);
      recording?.cancel();
      recording = null;
    }

    function startHandsFree(): void {
      const run = ++detectorRun;
      const current = () => run === detectorRun;
      set({ starting: true, problem: undefined });
      deps
        .startDetector({
          speechStarted: () => current() && beginSpeech(),
          speechEnded: (samples) => current() && deliver(samples),
          misfired: () => current() && get().state === "speaking" && rest(),
        })
        .then(
          (started) => {
            if (!current()) {
              void started.stop();
              return;
            }
            detector = started;
            set({ starting: false });
            if (get().state === "idle") set({ state: "listening" });
          },
          (error: unknown) => {
            if (!current()) return;
            set({ starting: false, problem: describeMicError(error), mode: "push-to-talk" });
          },
        );
    }

    function stopHandsFree(): void {
      detectorRun++;
      const stopping = detector;
      detector = null;
      set({ starting: false });
      void stopping?.stop().catch(() => undefined);
    }

    return {
      mode: "push-to-talk",
      state: "idle",
      starting: false,
      speechStarts: 0,
      segmentsSent: 0,
      transcripts: 0,

      startPushToTalk() {
        if (held || get().mode !== "push-to-talk" || unavailable()) return;
        held = true;
        cut = false;
        const thisPress = ++press;
        // Barge in at the press: the companion stops while the microphone is still opening.
        deps.silenceOwnCompanion();
        deps.sendStart();
        set((s) => ({ state: "listening", speechStarts: s.speechStarts + 1, problem: undefined }));
        deps.startRecording().then(
          (opened) => {
            if (thisPress !== press) {
              opened.cancel();
              return;
            }
            recording = opened;
            set({ state: "speaking" });
            pushToTalkLimit = setTimeout(() => {
              // Never more than the server takes (a longer message would cost the connection).
              cut = true;
              get().stopPushToTalk();
            }, PUSH_TO_TALK_MAX_MS);
          },
          (error: unknown) => {
            if (thisPress !== press) return;
            held = false;
            set({ problem: describeMicError(error) });
            rest();
          },
        );
      },

      stopPushToTalk() {
        if (!held) return;
        const finishing = recording;
        recording = null;
        held = false;
        clearTimeout(pushToTalkLimit);
        if (!finishing) {
          // Released before the microphone opened: that press is over.
          press++;
          set({ problem: TOO_SHORT });
          rest();
          return;
        }
        set(cut ? { state: "sending", problem: TAKE_CUT } : { state: "sending" });
        finishing.finish().then(deliver, (error: unknown) => {
          set({ problem: error instanceof DOMException && error.name === "EncodingError" ? TOO_SHORT : describeMicError(error) });
          rest();
        });
      },

      setMode(mode) {
        if (mode === get().mode) return;
        set({ mode });
        if (mode === "hands-free") {
          dropPushToTalk();
          rest();
          if (!unavailable()) startHandsFree();
        } else {
          stopHandsFree();
          rest();
        }
      },

      heard(text) {
        // A cut take's notice stays over its transcript until the next press.
        set((s) => ({ lastTranscript: text, transcripts: s.transcripts + 1, problem: cut ? TAKE_CUT : undefined }));
        answered();
      },

      refused(error) {
        if (error.code === "asr_unavailable") {
          get().setAvailability({ available: false, reason: error.message });
          return;
        }
        set({ problem: error.message });
        if (error.type === ClientMessage.VoiceSegment) answered();
      },

      setAvailability({ available, reason }) {
        if (!available) {
          dropPushToTalk();
          stopHandsFree();
          awaiting = 0;
          clearTimeout(answerTimer);
          set({ state: "unavailable", reason: reason ?? "speech recognition is not available on this server" });
          return;
        }
        if (!unavailable()) return;
        set({ state: "idle", reason: undefined });
        if (get().mode === "hands-free") startHandsFree();
      },
    };
  });
}

export type VoiceInputStore = ReturnType<typeof createVoiceInputStore>;
