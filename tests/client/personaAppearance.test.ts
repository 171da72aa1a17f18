import { describe, expect, it } from "vitest";
import { defaultPersona } from "../../shared/persona";
import { localFileProblem, presetName, uploadChoices, withChoice, withPreset, withTint, withUpload, wornChoice } from "../../client/persona/appearance";
import { uploadErrorMessage } from "../../client/persona/avatarApi";
import { validatePersona } from "../../client/persona/personaForm";

const UPLOAD_ID = "0b6f3c2e-8f4a-4d2b-9a61-3f0f2b7c1d55";
const base = () => ({ avatarPreset: "wren", tints: { hair: "#112233" } });

describe("persona appearance choices", () => {
  it("wears an upload while keeping the preset and tints, and a preset takes the upload off", () => {
    const wearing = withUpload(base(), UPLOAD_ID);
    expect(wearing).toEqual({ avatarPreset: "wren", tints: { hair: "#112233" }, customAvatar: UPLOAD_ID });
    expect(wornChoice(wearing)).toBe(`upload:${UPLOAD_ID}`);
    const back = withPreset(wearing, "sol");
    expect(back).toEqual({ avatarPreset: "sol", tints: { hair: "#112233" } });
    expect(wornChoice(back)).toBe("preset:sol");
  });

  it("maps the chooser's values both ways", () => {
    expect(withChoice(base(), `upload:${UPLOAD_ID}`).customAvatar).toBe(UPLOAD_ID);
    expect(withChoice(withUpload(base(), UPLOAD_ID), "preset:kit")).toEqual({ avatarPreset: "kit", tints: { hair: "#112233" } });
    expect(wornChoice({ avatarPreset: "retired-preset", tints: {} })).toBe("preset:wren");
  });

  it("offers every upload, and the worn one even when the list could not be loaded", () => {
    const uploads = [{ id: UPLOAD_ID, name: "Aiko", fileName: "aiko.vrm" }];
    expect(uploadChoices(uploads, UPLOAD_ID)).toEqual([{ id: UPLOAD_ID, label: "Aiko (aiko.vrm)" }]);
    expect(uploadChoices([], UPLOAD_ID)).toEqual([{ id: UPLOAD_ID, label: "Uploaded avatar" }]);
    expect(uploadChoices([], undefined)).toEqual([]);
    expect(presetName("juniper")).toBe("Juniper");
  });

  it("sets a tint in lower case and hands it back to the preset's colour", () => {
    const tinted = withTint(base(), "eyes", "#AABBCC");
    expect(tinted.tints).toEqual({ hair: "#112233", eyes: "#aabbcc" });
    expect(withTint(tinted, "hair", undefined).tints).toEqual({ eyes: "#aabbcc" });
  });

  it("keeps the draft valid by the server's own schema", () => {
    const persona = defaultPersona();
    const edited = { ...persona, appearance: withTint(withUpload(persona.appearance, UPLOAD_ID), "outfitAccent", "#00ff88") };
    const checked = validatePersona(edited);
    expect(checked.ok && checked.persona.appearance).toEqual({ avatarPreset: "wren", tints: { outfitAccent: "#00ff88" }, customAvatar: UPLOAD_ID });
    const back = validatePersona({ ...persona, appearance: withPreset(edited.appearance, "juniper") });
    expect(back.ok && JSON.parse(JSON.stringify(back.persona.appearance))).toEqual({ avatarPreset: "juniper", tints: { outfitAccent: "#00ff88" } });
  });
});

describe("avatar upload messages", () => {
  it("refuses files that cannot pass before sending them", () => {
    expect(localFileProblem({ name: "me.png", size: 10 }, 32_000_000)).toBe("me.png is not a .vrm file");
    expect(localFileProblem({ name: "Me.VRM", size: 40_200_000 }, 32_000_000)).toBe("file is 40.2 MB; the limit is 32 MB");
    expect(localFileProblem({ name: "me.vrm", size: 32_000_000 }, 32_000_000)).toBeUndefined();
  });

  it("shows the server's own error, else the status", () => {
    expect(uploadErrorMessage(400, JSON.stringify({ error: "missing humanoid bone leftFoot" }))).toBe("missing humanoid bone leftFoot");
    expect(uploadErrorMessage(502, "<html>Bad gateway</html>")).toBe("Upload failed (HTTP 502)");
    expect(uploadErrorMessage(0, "")).toBe("The Kindred server cannot be reached. Is it running?");
  });
});
