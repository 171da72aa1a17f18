import { PositionalAudio } from "three";
import type { CompanionAudioEvent, VisemeCue } from "../../../shared/speech";
import type { AvatarDriver } from "../../avatar";
import { heardTime, type AudioOutput } from "./audioOutput";
import { scheduleChunk } from "./chunkSchedule";
import { holdToChunkEnd } from "./chunkTimeline";
import { decodePcm16, pcm16SampleCount } from "../../../shared/speech";
import { peakMeter, type PeakMeter } from "./peakMeter";
import { UtteranceGate } from "./utteranceGate";
import { STARTED_KEPT, type CompanionVoiceView, type StopReason } from "./voiceStatus";

/** Full loudness at 1 m from the head, half at 2 m, a quarter at 4 m (inverse distance). */
const REF_DISTANCE_M = 1;

export interface Vec3Like {
  x: number;
  y: number;
  z: number;
}

interface QueuedChunk {
  source: AudioBufferSourceNode;
  utteranceId: number;
  seq: number;
  sentenceSeq: number;
  /** On the AudioContext's clock. */
  start: number;
  end: number;
  visemes: readonly VisemeCue[];
  /** Seconds since this chunk began to sound, read by the mouth every frame. */
  clock: () => number;
  begun: boolean;
}

/**
 * One companion's voice: its chunks queued back to back on the audio clock, sounding from a
 * panner at its head, each chunk's visemes handed to its mouth the moment the chunk is heard.
 */
export class CompanionVoice {
  readonly view: CompanionVoiceView;
  private readonly positional: PositionalAudio;
  private readonly input: GainNode;
  private readonly meter: PeakMeter;
  private readonly gate = new UtteranceGate();
  private readonly queue: QueuedChunk[] = [];
  private queueEnd = 0;
  private driver: AvatarDriver | null = null;

  constructor(
    readonly companionId: string,
    private readonly output: AudioOutput,
    muted: boolean,
    /** Told when speech starts or ends (not every frame). */
    private readonly onPlaying: (companionId: string, playing: boolean) => void,
  ) {
    const positional = new PositionalAudio(output.listener);
    // Chunks are started here, each on its own source, all feeding one node: as a node source
    // (no play() control) PositionalAudio moves its panner whenever its matrix updates.
    this.input = output.context.createGain();
    positional.setNodeSource(this.input);
    positional.setDistanceModel("inverse").setRefDistance(REF_DISTANCE_M);
    // Set outright, not faded in: a muted companion's first chunk must not leak through.
    positional.gain.gain.value = muted ? 0 : 1;
    this.positional = positional;
    // After the mute: what this companion really sends to the speakers.
    const meter = peakMeter(output.context, positional.gain);
    this.meter = meter;
    this.view = {
      received: 0,
      played: 0,
      dropped: 0,
      stops: 0,
      lastStop: "",
      lastStoppedUtterance: -1,
      playing: false,
      muted,
      utteranceId: -1,
      clock: 0,
      timeline: [],
      timelineStart: 0,
      timelineSeq: -1,
      started: [],
      source: positional.position,
      get level() {
        return meter.read();
      },
    };
  }

  get playing(): boolean {
    return this.queue.length > 0;
  }

  /** Queues a checked chunk, spoken by `driver`'s mouth from `head`. */
  enqueue(chunk: CompanionAudioEvent, driver: AvatarDriver, head: Vec3Like): void {
    this.view.received++;
    const verdict = this.gate.admit(chunk.utteranceId, chunk.seq);
    if (verdict === "drop") {
      this.view.dropped++;
      return;
    }
    if (verdict === "restart") this.clear();
    this.view.utteranceId = chunk.utteranceId;
    this.driver = driver;
    const context = this.output.context;
    const buffer = context.createBuffer(1, pcm16SampleCount(chunk.pcm), chunk.sampleRate);
    decodePcm16(chunk.pcm, buffer.getChannelData(0));
    const slot = scheduleChunk(this.queueEnd, context.currentTime, buffer.duration);
    const source = new AudioBufferSourceNode(context, { buffer });
    source.connect(this.input);
    source.start(slot.start);
    this.queueEnd = slot.end;
    const start = slot.start;
    this.queue.push({
      source,
      utteranceId: chunk.utteranceId,
      seq: chunk.seq,
      sentenceSeq: chunk.sentenceSeq,
      start,
      end: slot.end,
      visemes: holdToChunkEnd(chunk.visemes, buffer.duration),
      clock: () => heardTime(context) - start,
      begun: false,
    });
    if (this.queue.length === 1) {
      this.place(head);
      this.setPlaying(true);
    }
  }

  /** Once a frame: follows the head, starts the mouth on chunks now heard, retires finished ones. */
  update(heard: number, driver: AvatarDriver, head: Vec3Like): void {
    this.view.clock = heard;
    this.driver = driver;
    const queue = this.queue;
    if (queue.length === 0) return;
    for (let i = 0; i < queue.length; i++) {
      const chunk = queue[i]!;
      if (chunk.begun) continue;
      if (heard < chunk.start) break;
      this.begin(chunk, driver);
    }
    while (queue.length > 0 && heard >= queue[0]!.end) queue.shift();
    if (queue.length === 0) this.setPlaying(false);
    else this.place(head);
  }

  /** Silences the current utterance now: what sounds stops, what is queued or still arriving is dropped. */
  stop(reason: StopReason = "stopped"): void {
    this.gate.silence();
    this.cutOff(reason);
  }

  /** `companion:audio-stop` for `utteranceId`: stops it if it is the one playing (an older one is already gone). */
  stopUtterance(utteranceId: number): void {
    const current = this.gate.utteranceId;
    this.gate.silence(utteranceId);
    if (utteranceId >= current) this.cutOff("audio-stop");
  }

  setMuted(muted: boolean): void {
    this.view.muted = muted;
    this.positional.setVolume(muted ? 0 : 1);
  }

  dispose(): void {
    this.clear();
    this.meter.disconnect();
    this.positional.disconnect();
    this.positional.gain.disconnect();
  }

  private cutOff(reason: StopReason): void {
    // Only a stop that silenced something counts (a stop and an interrupted reply often both arrive).
    if (this.queue.length > 0) {
      this.view.stops++;
      this.view.lastStop = reason;
      this.view.lastStoppedUtterance = this.gate.utteranceId;
    }
    this.clear();
    this.driver?.stopSpeaking();
  }

  private begin(chunk: QueuedChunk, driver: AvatarDriver): void {
    chunk.begun = true;
    driver.speakTimeline(chunk.visemes, chunk.clock);
    const view = this.view;
    view.played++;
    view.timeline = chunk.visemes;
    view.timelineStart = chunk.start;
    view.timelineSeq = chunk.seq;
    view.started.push({ utteranceId: chunk.utteranceId, seq: chunk.seq, sentenceSeq: chunk.sentenceSeq, start: chunk.start, end: chunk.end });
    if (view.started.length > STARTED_KEPT) view.started.shift();
  }

  private clear(): void {
    for (const chunk of this.queue) {
      chunk.source.stop();
      chunk.source.disconnect();
    }
    this.queue.length = 0;
    this.queueEnd = 0;
    this.setPlaying(false);
  }

  private setPlaying(playing: boolean): void {
    if (this.view.playing === playing) return;
    this.view.playing = playing;
    this.onPlaying(this.companionId, playing);
  }

  private place(head: Vec3Like): void {
    this.positional.position.set(head.x, head.y, head.z);
    this.positional.updateMatrixWorld(true);
  }
}
