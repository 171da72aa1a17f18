import { useEffect } from "react";
import { useFrame } from "@react-three/fiber";
import { FRAME_ORDER } from "../frame/order";
import { ChatBubble } from "./ChatBubble";
import { INTERPOLATION_DELAY_MS } from "./interpolation";
import { NameTag } from "./NameTag";
import { PersonAvatar } from "./PersonAvatar";
import { wrapAngle } from "./bodyFacing";
import { applyTrackedPose, endTrackedPose, jumpTrackedBody } from "./trackedPose";
import type { Person, RemoteTrack } from "./peopleStore";
import { userColor } from "./userColor";

/** Opacity of someone whose connection dropped while the room holds their place. */
const AWAY_FADE = 0.45;

/**
 * Someone else, drawn a little in the past so their movement is smooth. A jump (teleport, snap
 * turn) shows at once: they vanish from the old place and stand at the new one, their body
 * turned with them, and no walk is drawn for it.
 */
export function RemotePerson({ person, track }: { person: Person; track: RemoteTrack }) {
  const color = userColor(person.userId);
  const shown = track.shown;
  const driver = track.driver;

  useEffect(() => {
    driver.setFade(person.connected ? 1 : AWAY_FADE);
  }, [driver, person.connected]);

  useFrame((_, delta) => {
    const px = shown.x;
    const pz = shown.z;
    const previousYaw = shown.yaw;
    const previousJumps = shown.jumps;
    track.buffer.sample(performance.now() - INTERPOLATION_DELAY_MS, shown);
    shown.pitch = track.pitch;
    const jumped = shown.jumps !== previousJumps;
    if (jumped) {
      jumpTrackedBody(shown, wrapAngle(shown.yaw - previousYaw));
      shown.speed = 0;
    }
    const speed = delta > 0 && !jumped ? Math.hypot(shown.x - px, shown.z - pz) / delta : 0;
    // Smoothed so the walk cycle does not flicker between interpolation segments.
    shown.speed += (speed - shown.speed) * Math.min(1, delta * 10);
  }, FRAME_ORDER.simulate);

  useFrame((_, delta) => {
    const model = driver.model;
    if (model && track.xr && track.xr.headHeight > 0) applyTrackedPose(model, shown, track.xr, delta);
    else endTrackedPose(shown);
  }, FRAME_ORDER.afterAvatars);

  return (
    <PersonAvatar avatar={person.avatar} pose={shown} driver={driver} color={color} faded={!person.connected}>
      <NameTag name={person.name} color={color} away={!person.connected} />
      <ChatBubble userId={person.userId} />
    </PersonAvatar>
  );
}
