import { Hono } from "hono";
import type { SpeechStatus } from "../../../shared/speech";

/** Where the speech status comes from: the TTS engine selection and the speech recognizer. */
export interface SpeechStatusSources {
  tts: () => SpeechStatus["tts"];
  asr: () => SpeechStatus["asr"];
}

/**
 * `/api/speech/status`: which voice speaks, whether speech can be recognised and, while a model
 * downloads, how far it is. Public like /api/llm/status: the mic button asks before sign-in.
 */
export function speechRoutes(sources: SpeechStatusSources) {
  return new Hono().get("/status", (c) => c.json({ tts: sources.tts(), asr: sources.asr() } satisfies SpeechStatus));
}

/** A server started without speech (tests, tools): nothing speaks, nothing listens. */
export const NO_SPEECH: SpeechStatusSources = {
  tts: () => ({ engine: "none" }),
  asr: () => ({ available: false, reason: "speech recognition is not set up on this server; type instead" }),
};
