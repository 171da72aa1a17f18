import { useFrame } from "@react-three/fiber";
import { useConnection, useIdentity } from "../net";
import { remoteTracks, usePeople, type RemoteTrack } from "../people";
import { localPlayer } from "../player";
import { useWorld } from "../world";
import { kindred } from "./kindredHandle";

let peopleNow: ReturnType<typeof usePeople.getState>["people"] = {};

function copyTrack(track: RemoteTrack, sessionId: string): void {
  const entry = (kindred.players[sessionId] ??= { name: "", x: 0, y: 0, z: 0 });
  entry.name = peopleNow[sessionId]?.name ?? "";
  entry.x = track.shown.x;
  entry.y = track.shown.y;
  entry.z = track.shown.z;
}

/**
 * Copies the live client state into `window.__kindred` once per frame. Reads stores with
 * getState() and writes fields in place: nothing is allocated unless someone joins or leaves.
 */
export function AutomationProbe({ active }: { active: boolean }) {
  useFrame((_, delta) => {
    const { room, status } = useConnection.getState();
    const world = useWorld.getState();
    kindred.frame.count++;
    kindred.frame.lastMs = delta * 1000;
    kindred.connection = status;
    kindred.userId = useIdentity.getState().identity?.userId ?? "";
    kindred.worldId = world.world?.id ?? "";
    kindred.sessionId = room?.sessionId ?? "";

    const placed = !!room && localPlayer.sessionId === room.sessionId;
    kindred.ready = active && placed && status === "connected" && world.assetsReadyFor === kindred.worldId;

    const self = kindred.self;
    self.x = localPlayer.x;
    self.y = localPlayer.y;
    self.z = localPlayer.z;
    self.yaw = localPlayer.yaw;

    for (const sessionId in kindred.players) if (!remoteTracks.has(sessionId)) delete kindred.players[sessionId];
    peopleNow = usePeople.getState().people;
    remoteTracks.forEach(copyTrack);
  });
  return null;
}
