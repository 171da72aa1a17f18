import { ClientMessage, type ErrorEvent } from "../../shared/protocol";
import { VoiceSegmentMessage, VoiceStartMessage } from "../../shared/speech";
import type { Logger } from "../logging";
import { decodePcm16 } from "../../shared/speech";
import type { SpeechRecognizer } from "../speech";
import { describeZodError } from "../validation";
import { refusal } from "./refusal";

export type HeardSegment = { error: ErrorEvent } | { error?: undefined; text: string };

/**
 * What players say aloud in one room: `voice:start` (checked here, acted on by RoomCompanions'
 * bargeIn) and `voice:segment`, turned into text that the room then handles as a chat line.
 * One segment per player at a time: each costs a Whisper run, so a flood is refused, not queued.
 */
export class VoiceInput {
  private readonly hearing = new Set<string>();

  constructor(
    private readonly recognizer: SpeechRecognizer | undefined,
    private readonly log: Pick<Logger, "warn">,
  ) {}

  /** A `voice:start` message; an ErrorEvent when it is malformed. */
  checkStart(raw: unknown): ErrorEvent | undefined {
    const parsed = VoiceStartMessage.safeParse(raw);
    return parsed.success ? undefined : refusal("invalid_message", ClientMessage.VoiceStart, describeZodError(parsed.error)).error;
  }

  /** The words in a `voice:segment` from the player in `sessionId`, heard in `language`, or why not. */
  async transcribe(sessionId: string, raw: unknown, language: string): Promise<HeardSegment> {
    const type = ClientMessage.VoiceSegment;
    const parsed = VoiceSegmentMessage.safeParse(raw);
    if (!parsed.success) return refusal("invalid_message", type, describeZodError(parsed.error));
    const unavailable = this.unavailable();
    if (unavailable || !this.recognizer) return refusal("asr_unavailable", type, unavailable ?? "speech recognition is off on this server");
    if (this.hearing.has(sessionId)) return refusal("rate_limited", type, "still hearing your last speech segment: send one at a time");
    this.hearing.add(sessionId);
    try {
      const text = (await this.recognizer.transcribe(decodePcm16(parsed.data.pcm), parsed.data.sampleRate, language)).trim();
      if (!text) return refusal("not_heard", type, "no words could be made out in that speech segment");
      return { text };
    } catch (error) {
      // The model may have gone away meanwhile (still downloading, failed to load): say why in its words.
      const reason = this.unavailable();
      if (!reason) this.log.warn({ err: error }, "speech recognition failed");
      return refusal("asr_unavailable", type, reason ?? `speech recognition failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.hearing.delete(sessionId);
    }
  }

  private unavailable(): string | undefined {
    if (!this.recognizer) return "speech recognition is off on this server";
    const status = this.recognizer.status();
    return status.available ? undefined : (status.reason ?? "speech recognition is not ready on this server");
  }
}
