import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bindCompanions, bindCompanionSpeech, companionTracks, useCompanions } from "../../../client/companions";
import { bindPeople, liveAvatarDrivers, remoteTracks } from "../../../client/people";
import { showWorld } from "../../../client/world";
import { ServerMessage, type CompanionDoneEvent, type CompanionSentenceEvent } from "../../../shared/protocol";
import { WorldDefinition } from "../../../shared/world";
import { roomTestClient, untilState, type Joined } from "../../server/rooms/roomTestClient";
import { startTestServer, type TestServer } from "../../server/support/testServer";
import { fixtureWorld } from "../../server/support/worldFixtures";

/** The client's companion bindings against a real room, joined through the real SDK. */
describe("bindCompanions and bindCompanionSpeech", () => {
  let server: TestServer;
  let client: ReturnType<typeof roomTestClient>;
  let alice: Joined;
  let bob: Joined;
  const unbind: Array<() => void> = [];

  beforeAll(async () => {
    server = await startTestServer();
    client = roomTestClient(server);
    alice = await client.join("Alice");
    bob = await client.join("Bob");
    unbind.push(bindPeople(alice), bindCompanions(alice), bindCompanionSpeech(alice));
    await untilState(alice, () => companionTracks.size === 2 && remoteTracks.size === 1, "both companions and Bob");
  });

  afterEach(() => vi.restoreAllMocks());

  afterAll(async () => {
    for (const stop of unbind) stop();
    await client.cleanup();
    await server.stop();
  });

  const serverCompanionOf = (player: Joined) => client.serverRoom(alice).state.companions.get(player.sessionId)!;
  const trackOf = (player: Joined) => companionTracks.get(player.sessionId)!;

  it("tracks every companion in the room, the player's own and the others', each with a live driver", () => {
    expect([...companionTracks.keys()].sort()).toEqual([alice.sessionId, bob.sessionId].sort());
    const bobs = trackOf(bob);
    expect(bobs.id).toBe(serverCompanionOf(bob).id);
    expect(bobs.ownerId).toBe(serverCompanionOf(bob).ownerId);
    // Shown where the server had it from the first frame, not gliding in from the origin (it
    // may have stepped since, as the server steers it beside Bob).
    const server = serverCompanionOf(bob);
    expect(Math.hypot(server.x, server.z)).toBeGreaterThan(1);
    expect(Math.hypot(bobs.shown.x - server.x, bobs.shown.z - server.z)).toBeLessThan(0.5);
    expect(useCompanions.getState().companions[bob.sessionId]).toMatchObject({ name: "Wren", avatar: "wren", tints: "{}" });
    expect(liveAvatarDrivers.has(bobs.driver)).toBe(true);
  });

  it("a warp fades the companion out before it jumps, and the state's emotion reaches the face", async () => {
    const track = trackOf(bob);
    const setEmotion = vi.spyOn(track.driver, "setEmotion");
    const companion = serverCompanionOf(bob);
    const warpsBefore = companion.warp;
    // Bob is suddenly on another floor: the server's steering catches his companion up by a warp.
    client.serverRoom(alice).state.players.get(bob.sessionId)!.y = 5;
    companion.emotion = "happy";
    await untilState(alice, () => track.fade.holdingPose, "the warp to reach Alice");
    expect(track.warp).toBe(warpsBefore + 1);
    expect(setEmotion).toHaveBeenCalledWith("happy");

    // A feeling this client does not know leaves the face as it was, and throws nothing.
    companion.emotion = "giddy";
    await untilState(alice, () => track.emotion === "giddy", "the unknown emotion to reach Alice");
    expect(setEmotion).toHaveBeenCalledTimes(1);
  });

  it("a sentence sets the face, moves the lips, points at the named place and fills the bubble", async () => {
    showWorld(
      WorldDefinition.parse({
        ...fixtureWorld("alpha", "beta"),
        pointsOfInterest: [{ id: "well", name: "the old well", position: [4, 0, -7] }],
      }),
    );
    const track = trackOf(bob);
    const setEmotion = vi.spyOn(track.driver, "setEmotion");
    const speakText = vi.spyOn(track.driver, "speakText");
    const playGesture = vi.spyOn(track.driver, "playGesture");
    const sentence: CompanionSentenceEvent = {
      companionId: track.id,
      ownerId: track.ownerId,
      seq: 7,
      text: "Look over there!",
      emotion: "surprised",
      actions: [{ name: "point", target: "well" }, { name: "wave" }, { name: "point", target: "the moon" }],
    };
    const heard = new Promise<void>((resolve) => alice.onMessage(ServerMessage.CompanionSentence, () => resolve()));
    client.serverRoom(alice).broadcast(ServerMessage.CompanionSentence, sentence);
    await heard;

    expect(setEmotion).toHaveBeenCalledWith("surprised");
    expect(speakText).toHaveBeenCalledWith("Look over there!");
    expect(playGesture).toHaveBeenNthCalledWith(1, "point", { x: 4, y: 0, z: -7 });
    expect(playGesture).toHaveBeenNthCalledWith(2, "wave");
    // A place this world does not have: it points at its owner instead (Bob, at chest height).
    const bobShown = remoteTracks.get(bob.sessionId)!.shown;
    expect(playGesture).toHaveBeenNthCalledWith(3, "point", { x: bobShown.x, y: bobShown.y + 1.2, z: bobShown.z });
    expect(useCompanions.getState().saying[track.id]).toMatchObject({ id: `${track.id}-7`, text: "Look over there!" });
  });

  it("a voiced sentence shows its bubble but leaves the lips to its audio chunks", async () => {
    const track = trackOf(bob);
    const speakText = vi.spyOn(track.driver, "speakText");
    const sentence: CompanionSentenceEvent = { companionId: track.id, ownerId: track.ownerId, seq: 8, text: "Hear me now.", actions: [], voiced: true };
    const heard = new Promise<void>((resolve) => alice.onMessage(ServerMessage.CompanionSentence, () => resolve()));
    client.serverRoom(alice).broadcast(ServerMessage.CompanionSentence, sentence);
    await heard;
    expect(speakText).not.toHaveBeenCalled();
    expect(useCompanions.getState().saying[track.id]).toMatchObject({ id: `${track.id}-8`, text: "Hear me now." });
  });

  it("a reply cut short stops the mouth; one that ends normally lets it finish", async () => {
    const track = trackOf(bob);
    const stopSpeaking = vi.spyOn(track.driver, "stopSpeaking");
    const done = (interrupted: boolean): Promise<void> => {
      const event: CompanionDoneEvent = { companionId: track.id, text: "Look over there!", interrupted };
      const heard = new Promise<void>((resolve) => alice.onMessage(ServerMessage.CompanionDone, () => resolve()));
      client.serverRoom(alice).broadcast(ServerMessage.CompanionDone, event);
      return heard;
    };
    await done(false);
    expect(stopSpeaking).not.toHaveBeenCalled();
    await done(true);
    expect(stopSpeaking).toHaveBeenCalledTimes(1);
  });

  it("a companion that leaves with its owner is forgotten, driver and all", async () => {
    const driver = trackOf(bob).driver;
    await bob.leave(true);
    await untilState(alice, () => !companionTracks.has(bob.sessionId), "Bob's companion to leave");
    expect(useCompanions.getState().companions[bob.sessionId]).toBeUndefined();
    expect(liveAvatarDrivers.has(driver)).toBe(false);
    expect(companionTracks.has(alice.sessionId)).toBe(true);
  });
});
