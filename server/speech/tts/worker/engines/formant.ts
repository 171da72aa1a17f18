import { FormantEngine } from "../../formant";
import type { TtsEngine } from "../../ttsEngine";

/** The formant voice has no settings and nothing to load. */
export async function createTtsEngine(): Promise<TtsEngine> {
  return new FormantEngine();
}
