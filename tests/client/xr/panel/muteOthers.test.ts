import { beforeEach, describe, expect, it, vi } from "vitest";
import { installMemoryStorage, type MemoryStorage } from "../../../support/memoryStorage";

let storage: MemoryStorage;
beforeEach(() => {
  storage = installMemoryStorage();
  vi.resetModules();
});

/** The client's modules as a fresh page load gets them (the same localStorage). */
async function load() {
  const { useVoicePlayback } = await import("../../../../client/voice/playback/voicePlaybackStore");
  const { useDoNotDisturb } = await import("../../../../client/companions/doNotDisturb");
  const { muteOthers, releaseDoNotDisturbMutes, releaseLeftoverDoNotDisturbMutes } = await import("../../../../client/xr/panel/muteOthers");
  return { useVoicePlayback, useDoNotDisturb, muteOthers, releaseDoNotDisturbMutes, releaseLeftoverDoNotDisturbMutes };
}

const companions = { "own-session": { id: "wren" }, "bob-session": { id: "sol" }, "cai-session": { id: "kit" } };

describe("do not disturb: muting everyone else's companion", () => {
  it("mutes the others, never the person's own, and says which it holds muted", async () => {
    const { useVoicePlayback, muteOthers } = await load();
    const held = muteOthers(companions, "own-session", useVoicePlayback.getState, []);
    expect(useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true });
    expect([...held].sort()).toEqual(["kit", "sol"]);
  });

  it("holds only the mutes it made: one the person chose stays when it lets go", async () => {
    const { useVoicePlayback, useDoNotDisturb, muteOthers, releaseDoNotDisturbMutes } = await load();
    useVoicePlayback.getState().setMuted("kit", true);
    useDoNotDisturb.getState().setMuted(muteOthers(companions, "own-session", useVoicePlayback.getState, []));
    expect(useDoNotDisturb.getState().muted).toEqual(["sol"]);
    expect(useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true });
    releaseDoNotDisturbMutes();
    expect(useVoicePlayback.getState().muted).toEqual({ kit: true });
    expect(useDoNotDisturb.getState().muted).toEqual([]);
  });

  it("mutes a companion arriving later, and gives back the same list when nothing changed", async () => {
    const { useVoicePlayback, muteOthers } = await load();
    const held = muteOthers(companions, "own-session", useVoicePlayback.getState, []);
    expect(muteOthers(companions, "own-session", useVoicePlayback.getState, held)).toBe(held);
    const more = muteOthers({ ...companions, "dee-session": { id: "juniper" } }, "own-session", useVoicePlayback.getState, held);
    expect([...more].sort()).toEqual(["juniper", "kit", "sol"]);
    expect(useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true, juniper: true });
  });

  it("undoes its mutes on the next load when the page closed while it was muting, keeping the person's own", async () => {
    const first = await load();
    first.useVoicePlayback.getState().setMuted("kit", true);
    first.useDoNotDisturb.getState().setInHeadset(true);
    first.useDoNotDisturb.getState().setWanted(true);
    first.useDoNotDisturb.getState().setMuted(muteOthers(first));
    // The page closes here: no session end ran. Both mutes are in storage.
    vi.resetModules();
    const second = await load();
    expect(second.useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true });
    second.releaseLeftoverDoNotDisturbMutes();
    expect(second.useVoicePlayback.getState().muted).toEqual({ kit: true });

    vi.resetModules();
    expect((await load()).useVoicePlayback.getState().muted).toEqual({ kit: true });
    expect(JSON.parse(storage.getItem("kindred.doNotDisturb")!)).toEqual({ wanted: true, muted: [] });
  });

  it("leaves its mutes alone at a page load while it is in effect", async () => {
    const client = await load();
    client.useDoNotDisturb.getState().setInHeadset(true);
    client.useDoNotDisturb.getState().setWanted(true);
    client.useDoNotDisturb.getState().setMuted(muteOthers(client));
    client.releaseLeftoverDoNotDisturbMutes();
    expect(client.useVoicePlayback.getState().muted).toEqual({ sol: true, kit: true });
  });
});

function muteOthers(client: Awaited<ReturnType<typeof load>>): readonly string[] {
  return client.muteOthers(companions, "own-session", client.useVoicePlayback.getState, client.useDoNotDisturb.getState().muted);
}
