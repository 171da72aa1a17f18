import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMemoryStorage } from "../../../support/memoryStorage";

beforeEach(() => {
  installMemoryStorage();
  vi.resetModules();
});

async function load() {
  const { useVoicePlayback } = await import("../../../../client/voice/playback/voicePlaybackStore");
  const { muteOthers } = await import("../../../../client/xr/panel/muteOthers");
  return { useVoicePlayback, muteOthers };
}

const companions = { "own-session": { id: "wren" }, "bob-session": { id: "sol" }, "cai-session": { id: "kit" } };

describe("do not disturb: muting everyone else's companion", () => {
  it("mutes the others, never the person's own", async () => {
    const { useVoicePlayback, muteOthers } = await load();
    muteOthers(companions, "own-session", useVoicePlayback.getState);
    expect(useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true });
  });

  it("undoes only the mutes it made: one the person chose stays", async () => {
    const { useVoicePlayback, muteOthers } = await load();
    useVoicePlayback.getState().setMuted("kit", true);
    const undo = muteOthers(companions, "own-session", useVoicePlayback.getState);
    expect(useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true });
    undo();
    expect(useVoicePlayback.getState().muted).toEqual({ kit: true });
  });

  it("mutes a companion arriving later when run again with the new room", async () => {
    const { useVoicePlayback, muteOthers } = await load();
    const undo = muteOthers(companions, "own-session", useVoicePlayback.getState);
    undo();
    muteOthers({ ...companions, "dee-session": { id: "juniper" } }, "own-session", useVoicePlayback.getState);
    expect(useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true, juniper: true });
  });
});
