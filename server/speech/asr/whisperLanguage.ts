import { SpeechUnavailableError } from "./speechRecognizer";

// BCP-47 primary subtags that Whisper's language tokens spell otherwise (or that older tags used).
const WHISPER_CODE: Readonly<Record<string, string>> = {
  nb: "no", // Norwegian Bokmål: Whisper knows one Norwegian
  fil: "tl", // Filipino → Tagalog
  jv: "jw", // Javanese: Whisper's token is <|jw|>
  iw: "he", // Hebrew's old code
  in: "id", // Indonesian's old code
  ji: "yi", // Yiddish's old code
  yue: "zh", // Cantonese where the model has no <|yue|> (whisper-base); see below
};

/**
 * The Whisper language code for a persona's BCP-47 tag ("pt-BR" → "pt"), or undefined for an
 * English-only model (`languages` null), which takes no language. A language the model has no
 * token for cannot be transcribed: SpeechUnavailableError, with words for the speaker.
 */
export function whisperLanguage(tag: string, languages: ReadonlySet<string> | null): string | undefined {
  if (languages === null) return undefined;
  const primary = tag.trim().split("-")[0]!.toLowerCase();
  const code = languages.has(primary) ? primary : WHISPER_CODE[primary];
  if (code === undefined || !languages.has(code)) {
    throw new SpeechUnavailableError(`speech recognition does not know this companion's language (${tag}); type instead`);
  }
  return code;
}
