import { useFrame } from "@react-three/fiber";
import type { AvatarDriver } from "../avatar";
import { companionTracks, type CompanionTrack } from "../companions";
import { FRAME_ORDER } from "../frame/order";
import { liveAvatarDrivers } from "../people";
import { kindred } from "./kindredHandle";

let frameStart = 0;
let avatarMs = 0;

function addDriverTime(driver: AvatarDriver): void {
  avatarMs += driver.lastUpdateMs;
}

function recordCompanionUpdate(track: CompanionTrack): void {
  // Before its VRM loads there is nothing to update: zeros would only flatter the figures.
  if (!track.driver.loaded) return;
  const record = kindred.companionUpdates;
  record.ms[record.written % record.capacity] = track.driver.lastUpdateMs;
  record.written++;
}

/**
 * Measures the JS time of each frame, from the first update stage to the render stage, and the
 * part of it spent updating avatars, into `window.__kindred`; then renders the scene (R3F hands
 * rendering over to a positive-priority stage, which is what keeps GPU work out of the figure).
 */
export function FrameTiming() {
  useFrame(() => {
    frameStart = performance.now();
  }, FRAME_ORDER.clockStart);

  useFrame(({ gl, scene, camera }) => {
    const jsMs = performance.now() - frameStart;
    avatarMs = 0;
    liveAvatarDrivers.forEach(addDriverTime);
    const frame = kindred.frame;
    frame.jsMs = jsMs;
    frame.avatarMs = avatarMs;
    const frames = kindred.frames;
    const slot = frames.written % frames.capacity;
    frames.jsMs[slot] = jsMs;
    frames.avatarMs[slot] = avatarMs;
    frames.written++;
    companionTracks.forEach(recordCompanionUpdate);
    gl.render(scene, camera);
    frame.drawCalls = gl.info.render.calls;
    frame.triangles = gl.info.render.triangles;
  }, FRAME_ORDER.render);

  return null;
}
