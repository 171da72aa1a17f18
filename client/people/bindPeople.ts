import { Callbacks } from "@colyseus/sdk";
import type { WorldRoom } from "../net";
import { liveAvatarDrivers } from "./avatarDrivers";
import { createTrack, remoteTracks, usePeople, type Person } from "./peopleStore";

/** Mirrors the room's other players into the people store and their interpolation buffers, and notes the local player's avatar. */
export function bindPeople(room: WorldRoom): () => void {
  const callbacks = Callbacks.get(room);
  const perPlayer = new Map<string, () => void>();

  const stopAdd = callbacks.onAdd("players", (player, sessionId) => {
    if (sessionId === room.sessionId) {
      const recordSelf = () => {
        if (usePeople.getState().selfAvatar !== player.avatar) usePeople.setState({ selfAvatar: player.avatar });
      };
      recordSelf();
      perPlayer.get(sessionId)?.();
      perPlayer.set(sessionId, callbacks.onChange(player, recordSelf));
      return;
    }
    forgetTrack(sessionId);
    const track = createTrack();
    remoteTracks.set(sessionId, track);
    liveAvatarDrivers.add(track.driver);
    const record = () => {
      track.buffer.push(performance.now(), player.x, player.y, player.z, player.yaw, player.jumps);
      track.pitch = player.pitch;
      track.xr = player.xr;
      const known = usePeople.getState().people[sessionId];
      if (
        !known ||
        known.name !== player.name ||
        known.connected !== player.connected ||
        known.userId !== player.userId ||
        known.avatar !== player.avatar
      ) {
        const person: Person = { userId: player.userId, name: player.name, avatar: player.avatar, connected: player.connected };
        usePeople.setState((s) => ({ people: { ...s.people, [sessionId]: person } }));
      }
    };
    record();
    // The first sample is where they already were: show them there at once, no glide from 0,0.
    track.buffer.sample(performance.now(), track.shown);
    perPlayer.get(sessionId)?.();
    perPlayer.set(sessionId, callbacks.onChange(player, record));
  });

  const stopRemove = callbacks.onRemove("players", (_player, sessionId) => {
    perPlayer.get(sessionId)?.();
    perPlayer.delete(sessionId);
    if (sessionId === room.sessionId) return;
    forgetTrack(sessionId);
    usePeople.setState((s) => {
      const people = { ...s.people };
      delete people[sessionId];
      return { people };
    });
  });

  return () => {
    stopAdd();
    stopRemove();
    for (const stop of perPlayer.values()) stop();
    for (const sessionId of [...remoteTracks.keys()]) forgetTrack(sessionId);
    usePeople.setState({ people: {}, selfAvatar: "" });
  };
}

function forgetTrack(sessionId: string): void {
  const track = remoteTracks.get(sessionId);
  if (track) liveAvatarDrivers.delete(track.driver);
  remoteTracks.delete(sessionId);
}
