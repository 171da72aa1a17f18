import { useFrame } from "@react-three/fiber";
import type { AvatarDriver } from "../avatar";
import { Matrix4, type Camera } from "three";
import { companionTracks, useCompanions, type CompanionTrack } from "../companions";
import { FRAME_ORDER } from "../frame/order";
import { useConnection, useIdentity } from "../net";
import { remoteTracks, usePeople, type RemoteTrack } from "../people";
import { cameraRig, localAvatarDriver, localPlayer } from "../player";
import { useWorld } from "../world";
import { kindred, type CompanionView } from "./kindredHandle";

let peopleNow: ReturnType<typeof usePeople.getState>["people"] = {};

function copyTrack(track: RemoteTrack, sessionId: string): void {
  const entry = (kindred.players[sessionId] ??= { name: "", avatar: "", loaded: false, x: 0, y: 0, z: 0, speed: 0, bodyYaw: 0, bodyScale: 1 });
  const person = peopleNow[sessionId];
  entry.name = person?.name ?? "";
  entry.avatar = person?.avatar ?? "";
  entry.loaded = track.driver.loaded;
  entry.x = track.shown.x;
  entry.y = track.shown.y;
  entry.z = track.shown.z;
  entry.speed = track.shown.speed;
  copyBody(track.driver, entry);
}

/** Where the loaded body is drawn facing, and its scale (its avatar root's, after the frame's posing). */
function copyBody(driver: AvatarDriver, out: { bodyYaw: number; bodyScale: number }): void {
  const root = driver.model?.scene.parent;
  out.bodyYaw = root ? root.rotation.y : 0;
  out.bodyScale = root ? root.scale.x : 1;
}

/** The frame each companion view was last written in: the others have left. */
const copiedAt: Record<string, number> = {};

function copyCompanion(track: CompanionTrack): void {
  copiedAt[track.id] = kindred.frame.count;
  let entry = kindred.companions[track.id];
  if (!entry || entry.expressions !== track.driver.expressionWeights || entry.head !== track.driver.headPosition) {
    entry = kindred.companions[track.id] = newCompanionView(track);
  }
  entry.name = companionName(track);
  entry.x = track.shown.x;
  entry.y = track.shown.y;
  entry.z = track.shown.z;
  entry.yaw = track.shown.yaw;
  entry.speed = track.shown.speed;
  entry.loaded = track.driver.loaded;
  entry.visible = track.opacity > 0;
}

function newCompanionView(track: CompanionTrack): CompanionView {
  return {
    ownerId: track.ownerId,
    name: "",
    x: 0,
    y: 0,
    z: 0,
    yaw: 0,
    speed: 0,
    // The driver's own record, updated in place by the driver: read live, never copied.
    expressions: track.driver.expressionWeights,
    head: track.driver.headPosition,
    loaded: false,
    visible: false,
  };
}

const viewProjection = new Matrix4();

function copyCamera(camera: Camera): void {
  const view = kindred.camera;
  view.x = camera.position.x;
  view.y = camera.position.y;
  view.z = camera.position.z;
  view.yaw = cameraRig.yaw;
  viewProjection.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse);
  for (let i = 0; i < 16; i++) view.viewProjection[i] = viewProjection.elements[i]!;
}

let companionNames: Record<string, { name: string }> = {};

function companionName(track: CompanionTrack): string {
  return companionNames[track.ownerSession]?.name ?? "";
}

/**
 * Copies the live client state into `window.__kindred` once per frame, after rendering (so the
 * copying is no part of the measured frame time). Reads stores with getState() and writes
 * fields in place: nothing is allocated unless someone joins or leaves.
 */
export function AutomationProbe({ active }: { active: boolean }) {
  useFrame(({ camera }, delta) => {
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
    self.avatar = usePeople.getState().selfAvatar;
    self.loaded = localAvatarDriver.loaded;
    copyBody(localAvatarDriver, self);
    copyCamera(camera);

    for (const sessionId in kindred.players) if (!remoteTracks.has(sessionId)) delete kindred.players[sessionId];
    peopleNow = usePeople.getState().people;
    remoteTracks.forEach(copyTrack);

    companionNames = useCompanions.getState().companions;
    companionTracks.forEach(copyCompanion);
    for (const companionId in kindred.companions) {
      if (copiedAt[companionId] === kindred.frame.count) continue;
      delete kindred.companions[companionId];
      delete copiedAt[companionId];
    }
  }, FRAME_ORDER.probe);
  return null;
}
