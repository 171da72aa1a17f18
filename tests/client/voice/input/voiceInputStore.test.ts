import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Detector, DetectorEvents } from "../../../../client/voice/input/handsFreeDetector";
import type { Recording } from "../../../../client/voice/input/pushToTalkRecorder";
import { ANSWER_TIMEOUT_MS, NOT_CONNECTED, TAKE_CUT, TOO_SHORT, createVoiceInputStore, type VoiceInputStore } from "../../../../client/voice/input/voiceInputStore";

const RATE = 16_000;
const speech = (seconds: number) => new Float32Array(Math.round(seconds * RATE)).fill(0.3);

/** A promise the test settles. */
function pending<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets settled promises run their callbacks. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

function fakeRecording(samples: Float32Array) {
  const recording = { finished: 0, cancelled: 0 } as Recording & { finished: number; cancelled: number };
  recording.finish = async () => {
    recording.finished++;
    return samples;
  };
  recording.cancel = () => void recording.cancelled++;
  return recording;
}

/** The microphone, detector, room and playback the store drives, as records the tests read. */
function fakeWorld() {
  const world = {
    connected: true,
    starts: 0,
    silenced: 0,
    segments: [] as Uint8Array[],
    microphone: pending<Recording>(),
    detector: pending<Detector>(),
    events: null as DetectorEvents | null,
    detectorsStopped: 0,
  };
  const store = createVoiceInputStore({
    startRecording: () => world.microphone.promise,
    startDetector: (events) => {
      world.events = events;
      return world.detector.promise;
    },
    sendStart: () => {
      world.starts++;
      return world.connected;
    },
    sendSegment: (pcm) => {
      if (!world.connected) return false;
      world.segments.push(pcm);
      return true;
    },
    silenceOwnCompanion: () => void world.silenced++,
  });
  const runningDetector: Detector = { stop: async () => void world.detectorsStopped++ };
  return { world, store, runningDetector };
}

async function talk(store: VoiceInputStore, world: ReturnType<typeof fakeWorld>["world"], samples: Float32Array) {
  const recording = fakeRecording(samples);
  store.getState().startPushToTalk();
  world.microphone.resolve(recording);
  await settle();
  store.getState().stopPushToTalk();
  await settle();
  return recording;
}

describe("voice input, push-to-talk", () => {
  it("barges in at the press, records while held and sends the take on release", async () => {
    const { world, store } = fakeWorld();
    expect(store.getState()).toMatchObject({ mode: "push-to-talk", state: "idle" });
    const recording = fakeRecording(speech(1.5));
    store.getState().startPushToTalk();
    expect(store.getState().state).toBe("listening");
    expect(world.silenced).toBe(1);
    expect(world.starts).toBe(1);
    world.microphone.resolve(recording);
    await settle();
    expect(store.getState().state).toBe("speaking");
    store.getState().stopPushToTalk();
    expect(store.getState().state).toBe("sending");
    await settle();
    expect(recording.finished).toBe(1);
    expect(world.segments.map((pcm) => pcm.byteLength)).toEqual([1.5 * RATE * 2]);
    expect(store.getState()).toMatchObject({ state: "sending", segmentsSent: 1 });
    store.getState().heard("hello there");
    expect(store.getState()).toMatchObject({ state: "idle", lastTranscript: "hello there", transcripts: 1 });
  });

  it("closes a microphone that opens after the key was already let go, and sends nothing", async () => {
    const { world, store } = fakeWorld();
    const late = fakeRecording(speech(1));
    store.getState().startPushToTalk();
    store.getState().stopPushToTalk();
    expect(store.getState()).toMatchObject({ state: "idle", problem: TOO_SHORT });
    world.microphone.resolve(late);
    await settle();
    expect(late.cancelled).toBe(1);
    expect(world.segments).toEqual([]);
    expect(store.getState().state).toBe("idle");
  });

  it("sends nothing for a take too short to be words, and says so", async () => {
    const { world, store } = fakeWorld();
    await talk(store, world, speech(0.1));
    expect(world.segments).toEqual([]);
    expect(store.getState()).toMatchObject({ state: "idle", problem: TOO_SHORT, segmentsSent: 0 });
  });

  it("explains a refused microphone and stays usable", async () => {
    const { world, store } = fakeWorld();
    store.getState().startPushToTalk();
    world.microphone.reject(new DOMException("Permission denied", "NotAllowedError"));
    await settle();
    expect(store.getState().state).toBe("idle");
    expect(store.getState().problem).toMatch(/may not use your microphone/);
    world.microphone = pending<Recording>();
    await talk(store, world, speech(1));
    expect(world.segments).toHaveLength(1);
  });

  it("says when what was said could not be sent", async () => {
    const { world, store } = fakeWorld();
    world.connected = false;
    await talk(store, world, speech(1));
    expect(store.getState()).toMatchObject({ state: "idle", problem: NOT_CONNECTED, segmentsSent: 0 });
  });

  it("ignores the key's auto-repeat: one press, one take", async () => {
    const { world, store } = fakeWorld();
    store.getState().startPushToTalk();
    store.getState().startPushToTalk();
    expect(world.starts).toBe(1);
  });

  describe("with a clock", () => {
    beforeEach(() => void vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] }));
    afterEach(() => void vi.useRealTimers());

    it("stops a take held past 30 s by itself, sends what was said and tells the user until the next press", async () => {
      const { world, store } = fakeWorld();
      // The recorder's clock runs a little past the store's: what it gives is still sent whole, in pieces the server takes.
      const recording = fakeRecording(speech(30.5));
      store.getState().startPushToTalk();
      world.microphone.resolve(recording);
      await settle();
      vi.advanceTimersByTime(29_999);
      expect(recording.finished).toBe(0);
      vi.advanceTimersByTime(1);
      await settle();
      expect(recording.finished).toBe(1);
      expect(world.segments.map((pcm) => pcm.byteLength / 2 / RATE)).toEqual([30, 0.5]);
      expect(store.getState()).toMatchObject({ state: "sending", problem: TAKE_CUT });
      // Letting go of the key after the cut sends nothing more.
      store.getState().stopPushToTalk();
      await settle();
      expect(world.segments).toHaveLength(2);
      store.getState().heard("a long story");
      store.getState().heard("and its end");
      expect(store.getState()).toMatchObject({ state: "idle", problem: TAKE_CUT, lastTranscript: "and its end" });
      await talk(store, world, speech(1));
      store.getState().heard("hello");
      expect(store.getState().problem).toBeUndefined();
    });

    it("says nothing of the limit for a take let go in time", async () => {
      const { world, store } = fakeWorld();
      await talk(store, world, speech(29));
      store.getState().heard("just in time");
      expect(store.getState().problem).toBeUndefined();
      expect(world.segments).toHaveLength(1);
    });

    it("stops waiting for an answer the server never sends", async () => {
      const { world, store } = fakeWorld();
      await talk(store, world, speech(1));
      expect(store.getState().state).toBe("sending");
      vi.advanceTimersByTime(ANSWER_TIMEOUT_MS);
      expect(store.getState().state).toBe("idle");
    });
  });
});

describe("voice input, hands-free", () => {
  async function handsFree() {
    const setup = fakeWorld();
    setup.store.getState().setMode("hands-free");
    expect(setup.store.getState()).toMatchObject({ mode: "hands-free", state: "idle", starting: true });
    setup.world.detector.resolve(setup.runningDetector);
    await settle();
    return setup;
  }

  it("listens, barges in when speech starts, sends it when it ends and listens again", async () => {
    const { world, store } = await handsFree();
    expect(store.getState()).toMatchObject({ state: "listening", starting: false });
    world.events!.speechStarted();
    expect(store.getState()).toMatchObject({ state: "speaking", speechStarts: 1 });
    expect(world.silenced).toBe(1);
    expect(world.starts).toBe(1);
    world.events!.speechEnded(speech(2));
    expect(world.segments.map((pcm) => pcm.byteLength)).toEqual([2 * RATE * 2]);
    expect(store.getState().state).toBe("sending");
    store.getState().heard("what a lovely day");
    expect(store.getState()).toMatchObject({ state: "listening", lastTranscript: "what a lovely day" });
  });

  it("goes back to listening after a misfire, without sending anything", async () => {
    const { world, store } = await handsFree();
    world.events!.speechStarted();
    world.events!.misfired();
    expect(store.getState().state).toBe("listening");
    expect(world.segments).toEqual([]);
  });

  it("waits for the answers to every piece of a long monologue", async () => {
    const { world, store } = await handsFree();
    world.events!.speechStarted();
    world.events!.speechEnded(speech(65));
    expect(world.segments).toHaveLength(3);
    store.getState().heard("one");
    store.getState().refused({ code: "not_heard", type: "voice:segment", message: "no words were heard" });
    expect(store.getState().state).toBe("sending");
    store.getState().heard("three");
    expect(store.getState()).toMatchObject({ state: "listening", lastTranscript: "three", transcripts: 2 });
  });

  it("ignores push-to-talk while hands-free", async () => {
    const { world, store } = await handsFree();
    store.getState().startPushToTalk();
    expect(world.starts).toBe(0);
    expect(store.getState().state).toBe("listening");
  });

  it("stops the detector on going back to push-to-talk, and ignores what it says after", async () => {
    const { world, store } = await handsFree();
    const events = world.events!;
    store.getState().setMode("push-to-talk");
    await settle();
    expect(world.detectorsStopped).toBe(1);
    expect(store.getState()).toMatchObject({ mode: "push-to-talk", state: "idle" });
    events.speechStarted();
    events.speechEnded(speech(1));
    expect(world.starts).toBe(0);
    expect(world.segments).toEqual([]);
  });

  it("stops a detector that finishes loading after hands-free was switched off", async () => {
    const { world, store, runningDetector } = fakeWorld();
    store.getState().setMode("hands-free");
    store.getState().setMode("push-to-talk");
    world.detector.resolve(runningDetector);
    await settle();
    expect(world.detectorsStopped).toBe(1);
    expect(store.getState()).toMatchObject({ mode: "push-to-talk", state: "idle", starting: false });
  });

  it("falls back to push-to-talk with the reason when the detector cannot start", async () => {
    const { world, store } = fakeWorld();
    store.getState().setMode("hands-free");
    world.detector.reject(new DOMException("no device", "NotFoundError"));
    await settle();
    expect(store.getState()).toMatchObject({ mode: "push-to-talk", state: "idle", starting: false });
    expect(store.getState().problem).toMatch(/No microphone was found/);
  });
});

describe("voice input without speech recognition", () => {
  it("turns unavailable with the server's reason when a segment is refused, and ignores the mic until it is back", async () => {
    const { world, store } = fakeWorld();
    await talk(store, world, speech(1));
    store.getState().refused({ code: "asr_unavailable", type: "voice:segment", message: "speech recognition is off on this server: KINDRED_ASR_MODEL=none" });
    expect(store.getState()).toMatchObject({ state: "unavailable", reason: "speech recognition is off on this server: KINDRED_ASR_MODEL=none" });
    store.getState().startPushToTalk();
    expect(store.getState().state).toBe("unavailable");
    expect(world.starts).toBe(1);
    store.getState().setAvailability({ available: true });
    expect(store.getState()).toMatchObject({ state: "idle", reason: undefined });
  });

  it("stops listening hands-free while unavailable and starts again when recognition is back", async () => {
    const { world, store, runningDetector } = fakeWorld();
    store.getState().setMode("hands-free");
    world.detector.resolve(runningDetector);
    await settle();
    store.getState().setAvailability({ available: false, reason: "the model is downloading (40%)" });
    await settle();
    expect(world.detectorsStopped).toBe(1);
    expect(store.getState()).toMatchObject({ mode: "hands-free", state: "unavailable", reason: "the model is downloading (40%)" });
    world.detector = pending<Detector>();
    store.getState().setAvailability({ available: true });
    expect(store.getState().starting).toBe(true);
    world.detector.resolve(runningDetector);
    await settle();
    expect(store.getState().state).toBe("listening");
  });

  it("shows any other refusal as a problem and goes on", async () => {
    const { world, store } = fakeWorld();
    await talk(store, world, speech(1));
    store.getState().refused({ code: "rate_limited", type: "voice:segment", message: "too many voice segments: wait a moment" });
    expect(store.getState()).toMatchObject({ state: "idle", problem: "too many voice segments: wait a moment" });
  });
});
