import { describe, expect, it } from "vitest";
import { SpeechUnavailableError } from "../../../../server/speech";
import { whisperLanguage } from "../../../../server/speech/asr/whisperLanguage";

// The codes whisper-base has tokens for, in part.
const WHISPER = new Set(["en", "fr", "de", "pt", "zh", "no", "tl", "jw", "he", "id", "yi", "nn"]);

describe("whisperLanguage", () => {
  it("takes the primary subtag of a persona's BCP-47 tag", () => {
    expect(whisperLanguage("en", WHISPER)).toBe("en");
    expect(whisperLanguage("en-GB", WHISPER)).toBe("en");
    expect(whisperLanguage("pt-BR", WHISPER)).toBe("pt");
    expect(whisperLanguage("zh-Hans", WHISPER)).toBe("zh");
    expect(whisperLanguage("FR-ca", WHISPER)).toBe("fr");
  });

  it("maps the tags that Whisper spells otherwise", () => {
    expect(whisperLanguage("nb-NO", WHISPER)).toBe("no");
    expect(whisperLanguage("nn", WHISPER)).toBe("nn");
    expect(whisperLanguage("fil", WHISPER)).toBe("tl");
    expect(whisperLanguage("jv", WHISPER)).toBe("jw");
    expect(whisperLanguage("iw", WHISPER)).toBe("he");
    expect(whisperLanguage("yue-HK", WHISPER)).toBe("zh");
  });

  it("keeps Cantonese where the model has its own token", () => {
    expect(whisperLanguage("yue", new Set([...WHISPER, "yue"]))).toBe("yue");
  });

  it("gives an English-only model no language, whatever the persona speaks", () => {
    expect(whisperLanguage("fr-FR", null)).toBeUndefined();
    expect(whisperLanguage("en", null)).toBeUndefined();
  });

  it("refuses a language the model has no token for, in words for the speaker", () => {
    expect(() => whisperLanguage("ja-JP", WHISPER)).toThrow(SpeechUnavailableError);
    expect(() => whisperLanguage("ja-JP", WHISPER)).toThrow("speech recognition does not know this companion's language (ja-JP); type instead");
    expect(() => whisperLanguage("yue", new Set(["en"]))).toThrow(SpeechUnavailableError);
  });
});
