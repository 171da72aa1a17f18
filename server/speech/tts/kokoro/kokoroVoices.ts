/** Kokoro's best-graded voice (American English), spoken when a persona's voice is not Kokoro's. */
export const DEFAULT_VOICE = "af_heart";
/** The British voice that replaces an unknown voice when the persona's language is British English. */
export const BRITISH_DEFAULT_VOICE = "bf_emma";

export interface VoiceChoice {
  voice: string;
  /** Why the requested voice was not used; absent when it was. */
  fallback?: string;
}

/**
 * The voice to speak with. Kokoro's voice ids carry their accent (`a…` American, `b…` British,
 * phonemised as en-us or en-gb), so a persona's own voice always wins, whatever its language. Only
 * an id Kokoro lacks (a formant voice name, a typo) is replaced: by the British default for an
 * en-GB persona, else by af_heart.
 */
export function chooseKokoroVoice(known: Readonly<Record<string, unknown>>, requested: string, language: string): VoiceChoice {
  if (Object.hasOwn(known, requested)) return { voice: requested };
  const voice = /^en-gb\b/i.test(language) ? BRITISH_DEFAULT_VOICE : DEFAULT_VOICE;
  return { voice, fallback: `Kokoro has no voice "${requested}": speaking with ${voice}` };
}
