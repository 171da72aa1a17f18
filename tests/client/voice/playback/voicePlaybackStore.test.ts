import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CompanionVoice } from "../../../../client/voice/playback/companionVoice";
import { installMemoryStorage, type MemoryStorage } from "../../../support/memoryStorage";

let storage: MemoryStorage;

/** A fresh copy of the playback modules, as a page load would create them. */
async function load() {
  vi.resetModules();
  const store = await import("../../../../client/voice/playback/voicePlaybackStore");
  const { companionVoices } = await import("../../../../client/voice/playback/voiceRegistry");
  return { ...store, companionVoices };
}

/** A voice that records what the store asks of it (the real one needs WebAudio: the e2e test plays it). */
function recordingVoice() {
  const calls: string[] = [];
  const voice = { stop: () => calls.push("stop"), setMuted: (muted: boolean) => calls.push(`muted ${muted}`) };
  return { calls, voice: voice as unknown as CompanionVoice };
}

beforeEach(() => {
  storage = installMemoryStorage();
});

describe("voice playback store", () => {
  it("mutes and unmutes one companion, telling its voice, leaving the others heard", async () => {
    const { useVoicePlayback, companionVoices } = await load();
    const mira = recordingVoice();
    const kit = recordingVoice();
    companionVoices.set("mira", mira.voice);
    companionVoices.set("kit", kit.voice);
    useVoicePlayback.getState().setMuted("mira", true);
    expect(useVoicePlayback.getState().muted).toEqual({ mira: true });
    useVoicePlayback.getState().setMuted("mira", false);
    expect(useVoicePlayback.getState().muted).toEqual({});
    expect(mira.calls).toEqual(["muted true", "muted false"]);
    expect(kit.calls).toEqual([]);
  });

  it("remembers muted companions across page loads, by companion id", async () => {
    const first = await load();
    first.useVoicePlayback.getState().setMuted("mira", true);
    first.useVoicePlayback.getState().setMuted("kit", true);
    first.useVoicePlayback.getState().setMuted("kit", false);
    const second = await load();
    expect(second.useVoicePlayback.getState().muted).toEqual({ mira: true });
  });

  it("starts with everyone heard when the stored entry is corrupt or storage is missing", async () => {
    storage.setItem("kindred.voice.muted", "{not json");
    expect((await load()).useVoicePlayback.getState().muted).toEqual({});
    storage.setItem("kindred.voice.muted", JSON.stringify({ mira: "yes", kit: true }));
    expect((await load()).useVoicePlayback.getState().muted).toEqual({ kit: true });
    delete (globalThis as { localStorage?: unknown }).localStorage;
    const bare = await load();
    expect(bare.useVoicePlayback.getState().muted).toEqual({});
    bare.useVoicePlayback.getState().setMuted("mira", true);
    expect(bare.useVoicePlayback.getState().muted).toEqual({ mira: true });
  });

  it("stops a companion's voice at once (barge-in), and only that one", async () => {
    const { useVoicePlayback, companionVoices } = await load();
    const mira = recordingVoice();
    const kit = recordingVoice();
    companionVoices.set("mira", mira.voice);
    companionVoices.set("kit", kit.voice);
    useVoicePlayback.getState().stopCompanion("mira");
    expect(mira.calls).toEqual(["stop"]);
    expect(kit.calls).toEqual([]);
    // A companion with no voice yet: nothing to stop, no error.
    expect(() => useVoicePlayback.getState().stopCompanion("nobody")).not.toThrow();
  });

  it("publishes playing only when it changes", async () => {
    const { useVoicePlayback, publishPlaying } = await load();
    const seen: Record<string, boolean>[] = [];
    useVoicePlayback.subscribe((s) => seen.push(s.playing));
    publishPlaying("mira", true);
    publishPlaying("mira", true);
    publishPlaying("kit", false);
    publishPlaying("mira", false);
    expect(seen).toEqual([{ mira: true }, { mira: false }]);
  });

  it("refuses a bad companion id or mute value and changes nothing", async () => {
    const { useVoicePlayback } = await load();
    const { setMuted, stopCompanion } = useVoicePlayback.getState();
    expect(() => setMuted("", true)).toThrow(/companionId must be a non-empty string, got ""/);
    expect(() => setMuted("mira", "yes" as unknown as boolean)).toThrow(/muted must be true or false, got "yes"/);
    expect(() => stopCompanion(undefined as unknown as string)).toThrow(/companionId must be a non-empty string/);
    expect(useVoicePlayback.getState().muted).toEqual({});
    expect(storage.items.size).toBe(0);
  });
});
