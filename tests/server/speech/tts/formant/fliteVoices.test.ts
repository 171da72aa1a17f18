import { describe, expect, it } from "vitest";
import { fliteVoiceFor } from "../../../../../server/speech/tts/formant";

describe("fliteVoiceFor", () => {
  it("maps Kokoro voice ids by accent and gender", () => {
    expect(fliteVoiceFor("af_heart")).toBe("slt");
    expect(fliteVoiceFor("bf_emma")).toBe("slt");
    expect(fliteVoiceFor("am_michael")).toBe("rms");
    expect(fliteVoiceFor("bm_george")).toBe("awb");
  });

  it("accepts flite's own names and falls back to slt for anything else", () => {
    expect(fliteVoiceFor("RMS")).toBe("rms");
    expect(fliteVoiceFor("awb")).toBe("awb");
    expect(fliteVoiceFor("")).toBe("slt");
    expect(fliteVoiceFor("zz_unknown")).toBe("slt");
  });
});
