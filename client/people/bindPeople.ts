import { Callbacks } from "@colyseus/sdk";
import type { WorldRoom } from "../net";
import { createTrack, remoteTracks, usePeople } from "./peopleStore";

/** Mirrors the room's other players into the people store and their interpolation buffers. */
export function bindPeople(room: WorldRoom): () => void {
  const callbacks = Callbacks.get(room);
  const perPlayer = new Map<string, () => void>();

  const stopAdd = callbacks.onAdd("players", (player, sessionId) => {
    if (sessionId === room.sessionId) return;
    const track = createTrack();
    remoteTracks.set(sessionId, track);
    const record = () => {
      track.buffer.push(performance.now(), player.x, player.y, player.z, player.yaw);
      track.pitch = player.pitch;
      const known = usePeople.getState().people[sessionId];
      if (!known || known.name !== player.name || known.connected !== player.connected || known.userId !== player.userId) {
        usePeople.setState((s) => ({
          people: { ...s.people, [sessionId]: { userId: player.userId, name: player.name, connected: player.connected } },
        }));
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
    remoteTracks.delete(sessionId);
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
    remoteTracks.clear();
    usePeople.setState({ people: {} });
  };
}
