import { useEffect, useMemo, useRef } from "react";
import { useFrame } from "@react-three/fiber";
import type { Group } from "three";
import { AVATAR_TINT_KEYS } from "../../shared/avatars";
import { FRAME_ORDER } from "../frame/order";
import type { AvatarDriver, AvatarPose } from "./avatarDriver";
import { bodyInView } from "./inView";
import { applyTints } from "./loading/tints";
import { useLoadedAvatar } from "./loading/useLoadedAvatar";

export interface VrmAvatarProps {
  /** Avatar reference: a preset id (`wren`) or `upload:<id>`. */
  avatar: string;
  /** Colours by tint key (`#rrggbb`); parts not named keep the preset's colours. */
  tints?: Readonly<Record<string, string>>;
  /** Where the body stands; read every frame, so the owner may mutate one object in place. */
  pose: AvatarPose;
  driver: AvatarDriver;
}

/**
 * A VRM body: loads its file (progress in useAvatarLoading; the default preset if it fails),
 * applies the tints, and every frame moves it to `pose` and lets `driver` animate it (only its
 * clocks while it is outside the camera's view).
 * Draws nothing until the VRM is ready.
 */
export function VrmAvatar({ avatar, tints, pose, driver }: VrmAvatarProps) {
  const root = useRef<Group>(null);
  const loaded = useLoadedAvatar(avatar);
  const poseRef = useRef(pose);
  poseRef.current = pose;
  // Owners often pass a fresh tints object each render: only the colours themselves matter.
  const tintKey = AVATAR_TINT_KEYS.map((key) => tints?.[key] ?? "").join("|");
  const tintValues = useMemo(() => tintsFromKey(tintKey), [tintKey]);

  useEffect(() => {
    if (!loaded) return;
    try {
      applyTints(loaded.vrm, tintValues);
    } catch (error) {
      console.warn("avatar tints ignored:", error instanceof Error ? error.message : error);
    }
  }, [loaded, tintValues]);

  useEffect(() => {
    const group = root.current;
    if (!loaded || !group) return;
    driver.attach(loaded.vrm, group, loaded.clips);
    return () => driver.detach(loaded.vrm);
  }, [loaded, driver]);

  useFrame(({ camera }, delta) => {
    const p = poseRef.current;
    driver.setInView(bodyInView(camera, p.x, p.y, p.z));
    driver.update(delta, p);
  }, FRAME_ORDER.draw);

  return <group ref={root}>{loaded && <primitive object={loaded.vrm.scene} />}</group>;
}

function tintsFromKey(tintKey: string): Record<string, string> {
  const values = tintKey.split("|");
  const tints: Record<string, string> = {};
  AVATAR_TINT_KEYS.forEach((key, i) => {
    if (values[i]) tints[key] = values[i];
  });
  return tints;
}
