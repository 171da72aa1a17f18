import { useEffect, useMemo, useRef } from "react";
import { useFrame, useThree } from "@react-three/fiber";
import { ClientMessage, type MoveMessage } from "../../shared/protocol";
import { FRAME_ORDER } from "../frame/order";
import { useConnection, useIdentity } from "../net";
import { ChatBubble, liveAvatarDrivers, PersonAvatar, usePeople, userColor } from "../people";
import { DEG, NotPointable, useWorld } from "../world";
import { rememberedAvatar } from "./avatarChoice";
import { heldActions, trackHeldKeys } from "./heldKeys";
import { createIntent, intentFromActions } from "./inputMapping";
import { cameraRig, localAvatarDriver, localPlayer, placeLocalPlayer, writeLocalPose } from "./localPlayer";
import { MoveSchedule } from "./moveSchedule";
import { MAX_STEP_SECONDS, stepMovement } from "./movementStep";
import { trackPointerLook } from "./pointerLook";

const NO_KEYS: ReadonlySet<never> = new Set();

/** Keyboard camera turn (Q/E), radians per second. */
const KEY_TURN_SPEED = 1.9;
/** The camera's resting pitch: looking this far down is a level head. */
const LEVEL_CAMERA_PITCH = 0.32;

/**
 * The person at the keyboard: reads the controls, moves locally with the same walkability rules
 * as the server, and tells the room where they are. `frozen` (loading, portal fade) ignores
 * the controls. `immersive` (a WebXR session runs): the headset moves the player and reports
 * the pose (client/xr), which also poses the own body seen from inside (no head, no bubble).
 */
export function LocalPlayer({ frozen, immersive = false }: { frozen: boolean; immersive?: boolean }) {
  const room = useConnection((s) => s.room);
  const world = useWorld((s) => s.world);
  const walkable = useWorld((s) => s.walkable);
  const userId = useIdentity((s) => s.identity?.userId ?? "");
  const canvas = useThree((s) => s.gl.domElement);
  const intent = useMemo(createIntent, []);
  const schedule = useMemo(() => new MoveSchedule(), []);
  const message = useMemo<MoveMessage>(() => ({ x: 0, y: 0, z: 0, yaw: 0, pitch: 0 }), []);
  const last = useRef({ yaw: 0, pitch: 0 });
  // The room's word once joined; the remembered choice while loading.
  const avatar = usePeople((s) => s.selfAvatar) || rememberedAvatar();

  useEffect(() => trackHeldKeys(), []);
  useEffect(() => {
    liveAvatarDrivers.add(localAvatarDriver);
    return () => {
      liveAvatarDrivers.delete(localAvatarDriver);
    };
  }, []);
  useEffect(() => trackPointerLook(canvas), [canvas]);
  useEffect(() => {
    // Until the room says where we are, stand at the world's first spawn (the loading view).
    const spawn = world?.spawns[0];
    if (spawn) placeLocalPlayer(spawn.position[0], spawn.position[1], spawn.position[2], spawn.yaw * DEG, "");
  }, [world]);

  useFrame((_, delta) => {
    if (!room || !walkable) return;
    const me = room.state.players?.get(room.sessionId);
    if (!me) return;
    if (localPlayer.sessionId !== room.sessionId) {
      placeLocalPlayer(me.x, me.y, me.z, me.yaw, room.sessionId);
      schedule.reset();
    } else if (localPlayer.resync) {
      localPlayer.x = me.x;
      localPlayer.y = me.y;
      localPlayer.z = me.z;
      localPlayer.resync = false;
      schedule.reset();
    }
    if (immersive) return;

    intentFromActions(frozen ? NO_KEYS : heldActions, intent);
    cameraRig.yaw -= intent.turn * KEY_TURN_SPEED * Math.min(delta, MAX_STEP_SECONDS);
    const moved = stepMovement(localPlayer, intent, cameraRig.yaw, delta, walkable);
    const speed = delta > 0 ? moved / Math.min(delta, MAX_STEP_SECONDS) : 0;
    localPlayer.speed += (speed - localPlayer.speed) * Math.min(1, delta * 12);
    localPlayer.pitch = Math.max(-1.2, Math.min(1.2, (cameraRig.pitch - LEVEL_CAMERA_PITCH) * 0.8));

    const changed =
      moved > 1e-4 || Math.abs(localPlayer.yaw - last.current.yaw) > 0.005 || Math.abs(localPlayer.pitch - last.current.pitch) > 0.02;
    if (changed) {
      last.current.yaw = localPlayer.yaw;
      last.current.pitch = localPlayer.pitch;
    }
    if (schedule.update(performance.now(), changed)) {
      room.send(ClientMessage.Move, writeLocalPose(message));
    }
  }, FRAME_ORDER.simulate);

  const color = userId ? userColor(userId) : "#9aa7c7";
  return (
    <NotPointable>
      <PersonAvatar avatar={avatar} pose={localPlayer} driver={localAvatarDriver} color={color}>
        {userId && !immersive && <ChatBubble userId={userId} withTag={false} />}
      </PersonAvatar>
    </NotPointable>
  );
}
