import type { LanguageModel } from "../llm";
import type { CompanionMemory } from "../memory";
import type { SpeechRecognizer, TtsEngine } from "../speech";

/** What every room's companions think with; one per server. */
export interface CompanionMind {
  /** Undefined when the server has no language model: companions explain how to set one up. */
  model: LanguageModel | undefined;
  /** Owners (user ids) already told how to set up a model: told once per server run, not per room. */
  hintedOwners: Set<string>;
  /** Where companions remember; absent: they remember nothing beyond the conversation. */
  memory?: CompanionMemory | undefined;
  /** Speaks replies aloud; absent: text only. */
  tts?: TtsEngine | undefined;
  /** Hears players' spoken lines; absent: typing only. */
  recognizer?: SpeechRecognizer | undefined;
}
