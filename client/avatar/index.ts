/**
 * VRM avatars that look alive: loading (with progress and a default fallback), tints, and a
 * driver for face, gaze, lip sync, idle, gait and gestures.
 *
 * Usage (one driver per avatar, kept by whoever owns the avatar):
 *
 *   const driver = useMemo(() => createAvatarDriver(), []);
 *   <VrmAvatar avatar="wren" tints={{ hair: "#7a4b2a" }} pose={pose} driver={driver} />
 *
 *   // pose: { x, y, z, yaw, speed }, read every frame (mutate one object in place if you like).
 *   driver.setEmotion("happy");                  // eases in, held while speaking, decays
 *   driver.playGesture("point", { x, y, z });    // wave | nod | shake | point
 *   driver.speakText("Hello there!");            // letter-driven lip sync (no audio)
 *   driver.speakTimeline(cues, () => audioSecondsSinceStart);
 *   driver.setAmplitude(0.6);                    // audio-only fallback, call per frame
 *   driver.lookAt(ownerHeadPosition);            // read every frame; null looks ahead
 *   driver.setFade(0.3);                         // warps
 *   driver.setDistance(distanceToCamera);        // LOD (outline, springs, gaze, shadow, rate)
 *   // <VrmAvatar> tells the driver whether the body is in the camera's view: out of view only
 *   // its clocks advance (face, lip sync, gait, gestures), nothing is posed.
 *   driver.expressionWeights / loaded / lastUpdateMs / headPosition   // read-only outputs
 *
 * Download progress of avatar files: useAvatarLoading((s) => s.pending) (also s.loaded, s.total bytes).
 */
export { VrmAvatar, type VrmAvatarProps } from "./VrmAvatar";
export { AvatarDriver, createAvatarDriver, type AvatarPose } from "./avatarDriver";
export { copyHumanoidPose } from "./humanoidCopy";
export type { Vec3Like } from "./motion/gesturePlayer";
export { VISEMES, type Viseme, type VisemeCue, type AudioClock } from "./lipSync/visemes";
export { textToVisemeTimeline } from "./lipSync/textTimeline";
export { useAvatarLoading, avatarLoadingSummary, type AvatarDownload, type AvatarLoadingState } from "./loading/loadingStore";
export { loadAvatar, type LoadedAvatar } from "./loading/loadAvatar";
export { parseVrm } from "./loading/vrmParser";
export { applyTints } from "./loading/tints";
export { avatarDetail, OUTLINE_DISTANCE_M, SPRING_GAZE_DISTANCE_M, REDUCED_RATE_DISTANCE_M, type AvatarDetail } from "./lod";
