import { ServerMessage } from "../../../shared/protocol";
import type { CompanionAudioEvent, CompanionAudioStopEvent } from "../../../shared/speech";
import type { Logger } from "../../logging";
import type { SpeechRequest, SpeechStream, SpokenSentence, TtsEngine } from "../tts/ttsEngine";
import { speechChunks } from "./speechChunks";

export interface CompanionVoiceDeps {
  engine: TtsEngine;
  companionId: string;
  /** How the companion speaks now (the persona's voice and language), read as each utterance starts. */
  request: () => SpeechRequest;
  broadcast: (type: string, message: CompanionAudioEvent | CompanionAudioStopEvent) => void;
  log: Pick<Logger, "warn">;
  /** Wall clock in ms; tests pass their own. */
  now?: () => number;
}

/**
 * How long after the estimated end of its audio a stop is still sent: clients start each chunk
 * later than it was sent (their scheduling lead, the network, a busy page), so some may still be
 * speaking. A stop for audio already over costs one small message and silences nothing.
 */
export const STOP_GRACE_MS = 5000;

/** One reply being spoken. */
interface Utterance {
  id: number;
  stream: SpeechStream;
  /** Sentences pushed and not yet heard back whole, with how many letters of each are still to come. */
  awaiting: { sentenceSeq: number; letters: number }[];
  lastSentenceSeq: number;
  chunks: number;
  cancelled: boolean;
  /** Settles when its last chunk went out (or it was cancelled). */
  spoken: Promise<void>;
}

/**
 * The voice of one companion in a room. A reply's sentences go in as they are broadcast (`say`);
 * the engine speaks them in its worker, the first while the model still writes the rest, and
 * every spoken sentence goes to the room as `companion:audio` chunks with their mouth timeline.
 * Utterances never overlap: clients take a new utterance as the end of the old one, so a reply
 * that starts while the last one is still being synthesised or played (say, the answer to a line
 * someone else said meanwhile) waits for it. `stop` silences everything at once, in the room too.
 */
export class CompanionVoice {
  private utterances = 0;
  /** The utterance taking text: from the reply's first spoken sentence until its end. */
  private open: Utterance | undefined;
  private readonly live = new Set<Utterance>();
  /** When the clients will have played everything sent so far (ms, estimated from the audio's length). */
  private playingUntil = 0;
  private readonly now: () => number;

  constructor(private readonly deps: CompanionVoiceDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Speaks a sentence of the reply under way; true when audio for it will follow (it has words). */
  say(sentenceSeq: number, text: string): boolean {
    const letters = countLetters(text);
    if (letters === 0) return false;
    try {
      const utterance = (this.open ??= this.begin());
      // The space keeps this sentence apart from the next one in the engine's text.
      utterance.stream.push(`${text} `);
      utterance.awaiting.push({ sentenceSeq, letters });
      return true;
    } catch (error) {
      // An engine that refuses (a bad voice request, a stream gone) leaves the sentence as text.
      this.deps.log.warn({ err: error, companionId: this.deps.companionId }, "speech synthesis refused a sentence");
      return false;
    }
  }

  /** The reply is complete: what was said is still spoken to the end. */
  finish(): void {
    this.open?.stream.close();
    this.open = undefined;
  }

  /**
   * Cut short (barge-in, stop, a new line from the owner): synthesis stops and, when anything is
   * queued, playing or yet to come, the room is told to drop it. True when it told the room.
   */
  stop(): boolean {
    const lastId = this.utterances;
    const busy = this.live.size > 0 || this.now() < this.playingUntil + STOP_GRACE_MS;
    this.cancelAll();
    if (busy) this.deps.broadcast(ServerMessage.CompanionAudioStop, { companionId: this.deps.companionId, utteranceId: lastId });
    return busy;
  }

  /** The companion left or the room closed: synthesis stops, nobody is told. */
  dispose(): void {
    this.cancelAll();
  }

  private begin(): Utterance {
    const before = [...this.live].at(-1)?.spoken;
    const utterance: Utterance = {
      id: ++this.utterances,
      stream: this.deps.engine.speak(this.deps.request()),
      awaiting: [],
      lastSentenceSeq: 0,
      chunks: 0,
      cancelled: false,
      spoken: Promise.resolve(),
    };
    utterance.spoken = this.send(utterance, before);
    this.live.add(utterance);
    return utterance;
  }

  private async send(utterance: Utterance, before: Promise<void> | undefined): Promise<void> {
    try {
      await before;
      for await (const spoken of utterance.stream) {
        if (utterance.chunks === 0) await this.playedOut();
        if (utterance.cancelled) break;
        this.broadcastSentence(utterance, spoken);
      }
    } catch (error) {
      // The words are still in the bubble; only the sound is lost.
      if (!utterance.cancelled) this.deps.log.warn({ err: error, companionId: this.deps.companionId }, "speech synthesis failed");
    } finally {
      this.live.delete(utterance);
      if (this.open === utterance) this.open = undefined;
    }
  }

  /** Resolves once the clients have played everything sent so far (at once after a stop). */
  private async playedOut(): Promise<void> {
    const left = this.playingUntil - this.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }

  private broadcastSentence(utterance: Utterance, spoken: SpokenSentence): void {
    const sentenceSeq = this.claim(utterance, spoken.text);
    for (const chunk of speechChunks(spoken)) {
      const now = this.now();
      this.playingUntil = Math.max(now, this.playingUntil) + chunk.seconds * 1000;
      const { companionId } = this.deps;
      this.deps.broadcast(ServerMessage.CompanionAudio, {
        companionId,
        utteranceId: utterance.id,
        seq: utterance.chunks++,
        sentenceSeq,
        sampleRate: spoken.sampleRate,
        pcm: chunk.pcm,
        visemes: chunk.visemes,
      });
    }
  }

  /**
   * Which pushed sentence a spoken one voices. The engine splits text its own way, so this counts
   * letters: a spoken sentence belongs to the pushed one its first letter came from.
   */
  private claim(utterance: Utterance, text: string): number {
    const first = utterance.awaiting[0];
    const sentenceSeq = first?.sentenceSeq ?? utterance.lastSentenceSeq;
    let letters = countLetters(text);
    while (letters > 0 && utterance.awaiting.length > 0) {
      const head = utterance.awaiting[0]!;
      const taken = Math.min(letters, head.letters);
      head.letters -= taken;
      letters -= taken;
      if (head.letters === 0) utterance.awaiting.shift();
    }
    utterance.lastSentenceSeq = sentenceSeq;
    return sentenceSeq;
  }

  private cancelAll(): void {
    for (const utterance of this.live) {
      utterance.cancelled = true;
      utterance.stream.cancel();
    }
    this.live.clear();
    this.open = undefined;
    this.playingUntil = 0;
  }
}

function countLetters(text: string): number {
  return text.normalize("NFD").replace(/[^\p{L}\p{N}]/gu, "").length;
}
