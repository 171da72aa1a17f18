import { useRef, type ReactNode } from "react";
import { useFrame } from "@react-three/fiber";
import type { Group } from "three";
import { VrmAvatar, type AvatarDriver } from "../avatar";
import { avatarLod } from "./avatarLod";
import { BODY } from "./bodyParts";
import { PersonBody, type BodyPose } from "./PersonBody";
import { isWorn, trackedHeadDrop } from "./trackedPose";

const NO_TINTS: Record<string, string> = {};

/**
 * Someone's VRM body (a person or a companion), with the placeholder body standing in until the
 * VRM has loaded (or for good, if it cannot be). `children` (name tag, bubble) follow the pose.
 * Tells the driver how far the camera is, for its level of detail.
 */
export function PersonAvatar({
  avatar,
  tints = NO_TINTS,
  pose,
  driver,
  color,
  faded = false,
  children,
}: {
  avatar: string;
  tints?: Record<string, string>;
  pose: BodyPose;
  driver: AvatarDriver;
  /** The placeholder's colour. */
  color: string;
  /** Placeholder drawn see-through (reconnecting). */
  faded?: boolean;
  children?: ReactNode;
}) {
  const placeholder = useRef<Group>(null);
  const anchor = useRef<Group>(null);

  useFrame(({ camera }) => {
    // One's own body in the headset: no placeholder around the eyes while the avatar loads.
    if (placeholder.current) placeholder.current.visible = !driver.loaded && !isWorn(pose);
    // Labels float as far above a VRM's head as above the placeholder's, whatever its height (lower when a headset wearer sits).
    const lift = driver.loaded ? driver.headPosition.y - pose.y - BODY.headY - trackedHeadDrop(pose) : 0;
    anchor.current?.position.set(pose.x, pose.y + lift, pose.z);
    const p = camera.position;
    driver.setDistance(Math.hypot(p.x - pose.x, p.y - pose.y, p.z - pose.z) * avatarLod.distanceScale);
  });

  return (
    <>
      <group ref={placeholder}>
        <PersonBody pose={pose} color={color} faded={faded} />
      </group>
      <VrmAvatar avatar={avatar} tints={tints} pose={pose} driver={driver} />
      <group ref={anchor}>{children}</group>
    </>
  );
}
