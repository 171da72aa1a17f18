import { describe, expect, it } from "vitest";
import { phonesToIpa } from "../../../../../server/speech/tts/formant/arpabetToIpa";
import { parsePhoneTrace } from "../../../../../server/speech/tts/formant/fliteProgram";

describe("flite phones", () => {
  it("parses the -psdur trace, shifting each phrase by where the previous one ended", () => {
    const phones = parsePhoneTrace("pau:0.1 hh:0.2 ay:0.5 pau:0.6 \npau:0.1 y:0.3 uw:0.4 pau:0.5 \n");
    expect(phones.map((p) => p.phone)).toEqual(["pau", "hh", "ay", "pau", "pau", "y", "uw", "pau"]);
    expect(phones[5]!.end).toBeCloseTo(0.9);
    expect(phones.at(-1)!.end).toBeCloseTo(1.1);
  });

  it("refuses a trace it does not understand", () => {
    expect(() => parsePhoneTrace("hh:abc")).toThrow(/unexpected flite phone trace entry "hh:abc"/);
  });

  it("writes the phones in IPA, inner pauses as commas", () => {
    const phones = parsePhoneTrace("pau:0.1 hh:0.2 ax:0.3 l:0.4 ow:0.5 pau:0.6 pau:0.65 dh:0.7 eh:0.8 r:0.9 pau:1");
    expect(phonesToIpa(phones)).toBe("həloʊ, ðɛɹ");
  });
});
