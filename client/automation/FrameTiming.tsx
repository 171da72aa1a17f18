import { useFrame } from "@react-three/fiber";
import type { AvatarDriver } from "../avatar";
import { companionTracks, type CompanionTrack } from "../companions";
import { FRAME_ORDER } from "../frame/order";
import { liveAvatarDrivers } from "../people";
import { FRAME_STAGES, FRAME_TRACE_MARKS, FrameLedger } from "./frameLedger";
import { kindred } from "./kindredHandle";

/**
 * Where each stage but the last ends: a mark between the useFrame priorities of its work and the
 * next stage's (the XR store's input at -1000, its pointers at -50, then FRAME_ORDER's stages).
 * The last stage, labels, ends at the render stage.
 */
const STAGE_END_PRIORITIES = [-100, -10, (FRAME_ORDER.simulate + FRAME_ORDER.camera) / 2, (FRAME_ORDER.camera + FRAME_ORDER.draw) / 2, (FRAME_ORDER.draw + FRAME_ORDER.afterAvatars) / 2, (FRAME_ORDER.afterAvatars + FRAME_ORDER.labels) / 2];

const ledger = new FrameLedger();

declare global {
  interface Window {
    /** Set before the page loads by a tool that records a Chrome trace (the client bench). */
    __kindredMarkFrames?: boolean;
  }
}

const markFrames = typeof window !== "undefined" && window.__kindredMarkFrames === true;

/** The JS heap in use (Chromium's performance.memory; precise only with --enable-precise-memory-info), NaN elsewhere. */
function heapBytes(): number {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize : Number.NaN;
}

function noteCompanion(track: CompanionTrack): void {
  ledger.addCompanionShare(track.driver);
  // Only updates this frame ran: a body skipped this frame (unloaded, unmounted) still shows its last time.
  if (!ledger.ranThisFrame(track.driver)) return;
  const record = kindred.companionUpdates;
  record.ms[record.written % record.capacity] = track.driver.lastUpdateMs;
  record.written++;
}

function addDriver(driver: AvatarDriver): void {
  ledger.addAvatar(driver);
}

function StageEnd({ index }: { index: number }) {
  useFrame(() => ledger.endStage(index, performance.now()), STAGE_END_PRIORITIES[index]);
  return null;
}

/**
 * Measures the JS time of each frame, from the first update stage to the render stage, taken
 * apart by stage and with the avatar updates it ran, into `window.__kindred`; then renders the
 * scene (R3F hands rendering over to a positive-priority stage, which is what keeps GPU work out
 * of the figure).
 */
export function FrameTiming() {
  useFrame(() => {
    // Read before the clock starts: with precise heap figures the read itself takes a while.
    const heap = heapBytes();
    if (markFrames) console.timeStamp(FRAME_TRACE_MARKS.begin);
    ledger.begin(performance.now(), heap);
  }, FRAME_ORDER.clockStart);

  useFrame(({ gl, scene, camera }) => {
    const now = performance.now();
    if (markFrames) console.timeStamp(FRAME_TRACE_MARKS.end);
    companionTracks.forEach(noteCompanion);
    liveAvatarDrivers.forEach(addDriver);
    const jsMs = ledger.write(kindred.frames, now, heapBytes());
    const frame = kindred.frame;
    frame.jsMs = jsMs;
    frame.avatarMs = ledger.avatarTotalMs;
    gl.render(scene, camera);
    frame.drawCalls = gl.info.render.calls;
    frame.triangles = gl.info.render.triangles;
    frame.programs = gl.info.programs?.length ?? 0;
  }, FRAME_ORDER.render);

  return (
    <>
      {STAGE_END_PRIORITIES.map((_, index) => (
        <StageEnd key={FRAME_STAGES[index]} index={index} />
      ))}
    </>
  );
}
