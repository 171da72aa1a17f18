/** What to do with an arriving chunk: add it to the queue, start over with it, or ignore it. */
export type ChunkVerdict = "queue" | "restart" | "drop";

/**
 * Decides which chunks of a companion's speech are still wanted. A newer utterance replaces
 * the one playing; chunks of an older or a silenced utterance (still in flight after a stop)
 * and repeated chunks are dropped.
 */
export class UtteranceGate {
  private current = -1;
  private lastSeq = -1;
  /** Every utterance up to this one has been silenced. */
  private silencedThrough = -1;

  /** The utterance whose chunks are queued now; -1 before the first. */
  get utteranceId(): number {
    return this.current;
  }

  admit(utteranceId: number, seq: number): ChunkVerdict {
    if (utteranceId <= this.silencedThrough || utteranceId < this.current) return "drop";
    if (utteranceId > this.current) {
      this.current = utteranceId;
      this.lastSeq = seq;
      return "restart";
    }
    if (seq <= this.lastSeq) return "drop";
    this.lastSeq = seq;
    return "queue";
  }

  /** Silences `utteranceId` (the current one by default): its chunks still arriving are dropped. */
  silence(utteranceId = this.current): void {
    this.silencedThrough = Math.max(this.silencedThrough, utteranceId);
  }
}
