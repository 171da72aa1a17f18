import { Callbacks } from "@colyseus/sdk";
import { createAvatarDriver } from "../avatar";
import type { WorldRoom } from "../net";
import { InterpolationBuffer, liveAvatarDrivers } from "../people";
import { EMOTIONS, type Emotion } from "../../shared/persona";
import type { CompanionState } from "../../shared/state";
import { companionTracks, useCompanions, type CompanionInfo, type CompanionTrack } from "./companionStore";
import { WarpFade } from "./warpFade";

function createCompanionTrack(companion: CompanionState, ownerSession: string, now: number): CompanionTrack {
  return {
    id: companion.id,
    ownerId: companion.ownerId,
    ownerSession,
    buffer: new InterpolationBuffer(),
    shown: { t: 0, x: 0, y: 0, z: 0, yaw: 0, pitch: 0, speed: 0 },
    speed: 0,
    attention: companion.attention,
    warp: companion.warp,
    emotion: "",
    fade: new WarpFade(now),
    opacity: 0,
    driver: createAvatarDriver(),
    gaze: { x: 0, y: 0, z: 0 },
  };
}

function isEmotion(name: string): name is Emotion {
  return (EMOTIONS as readonly string[]).includes(name);
}

function sameInfo(a: CompanionInfo | undefined, b: CompanionState): boolean {
  return !!a && a.id === b.id && a.ownerId === b.ownerId && a.name === b.name && a.avatar === b.avatar && a.tints === b.tints;
}

/**
 * Mirrors the room's companions (everyone's, keyed by their owner's session id) into the
 * companion store and their tracks: interpolated movement, whom they look at, catch-up warps
 * (a fade, never a glide) and the emotion the server holds for them (for late joiners).
 */
export function bindCompanions(room: WorldRoom): () => void {
  const callbacks = Callbacks.get(room);
  const perCompanion = new Map<string, () => void>();

  const forget = (ownerSession: string) => {
    perCompanion.get(ownerSession)?.();
    perCompanion.delete(ownerSession);
    const track = companionTracks.get(ownerSession);
    if (track) {
      track.driver.stopSpeaking();
      liveAvatarDrivers.delete(track.driver);
    }
    companionTracks.delete(ownerSession);
    if (useCompanions.getState().companions[ownerSession]) {
      useCompanions.setState((s) => {
        const companions = { ...s.companions };
        delete companions[ownerSession];
        return { companions };
      });
    }
  };

  const stopAdd = callbacks.onAdd("companions", (companion, ownerSession) => {
    forget(ownerSession);
    const now = performance.now();
    const track = createCompanionTrack(companion, ownerSession, now);
    companionTracks.set(ownerSession, track);
    liveAvatarDrivers.add(track.driver);
    const record = () => {
      const at = performance.now();
      track.buffer.push(at, companion.x, companion.y, companion.z, companion.yaw);
      track.speed = companion.speed;
      track.attention = companion.attention;
      if (companion.warp !== track.warp) {
        track.warp = companion.warp;
        track.fade.begin(at);
      }
      if (companion.emotion !== track.emotion) {
        track.emotion = companion.emotion;
        // A newer server may know feelings this client does not: the face keeps its last one.
        if (isEmotion(companion.emotion)) track.driver.setEmotion(companion.emotion);
      }
      if (!sameInfo(useCompanions.getState().companions[ownerSession], companion)) {
        const info: CompanionInfo = {
          id: companion.id,
          ownerId: companion.ownerId,
          name: companion.name,
          avatar: companion.avatar,
          tints: companion.tints,
        };
        useCompanions.setState((s) => ({ companions: { ...s.companions, [ownerSession]: info } }));
      }
    };
    record();
    // It appears where it already is, fading in, with no glide from the origin.
    track.buffer.sample(now, track.shown);
    perCompanion.set(ownerSession, callbacks.onChange(companion, record));
  });

  const stopRemove = callbacks.onRemove("companions", (_companion, ownerSession) => forget(ownerSession));

  return () => {
    stopAdd();
    stopRemove();
    for (const ownerSession of [...companionTracks.keys()]) forget(ownerSession);
    useCompanions.setState({ companions: {}, saying: {} });
  };
}
