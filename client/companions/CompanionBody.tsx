import { useMemo } from "react";
import { useFrame } from "@react-three/fiber";
import { FRAME_ORDER } from "../frame/order";
import { INTERPOLATION_DELAY_MS, NameTag, PersonAvatar, SpeechBubble, userColor } from "../people";
import { localPlayer } from "../player";
import { useCompanions, type CompanionInfo, type CompanionTrack } from "./companionStore";
import { useDoNotDisturb } from "./doNotDisturb";
import { eyeHeight, personPoint } from "./personPosition";

/** Speed from the server is per tick: eased so the gait does not step between patches. */
const SPEED_EASING_PER_SECOND = 8;

function parseTints(json: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const tints: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") tints[key] = value;
    return tints;
  } catch {
    // A malformed tint list leaves the preset's own colours.
    return {};
  }
}

/**
 * A companion (anyone's): its VRM body at its interpolated place, fading out and in when it
 * catches up by teleporting, looking at whom its attention names (its owner by default), with
 * its name and its current sentence above its head.
 */
export function CompanionBody({ info, track }: { info: CompanionInfo; track: CompanionTrack }) {
  const tints = useMemo(() => parseTints(info.tints), [info.tints]);
  const said = useCompanions((s) => s.saying[info.id]);
  // Do not disturb hides other people's companions' captions.
  const quiet = useDoNotDisturb((s) => s.on) && track.ownerSession !== localPlayer.sessionId;
  // The colour its lines have in the chat log.
  const color = userColor(info.id);
  const shown = track.shown;
  const driver = track.driver;

  useFrame((_, delta) => {
    const now = performance.now();
    track.opacity = track.fade.fade(now);
    if (track.fade.takeSnap()) {
      // The jump itself, while invisible: only the newest position counts.
      track.buffer.sample(Number.POSITIVE_INFINITY, shown);
      track.buffer.reset();
      track.buffer.push(now, shown.x, shown.y, shown.z, shown.yaw);
    }
    if (!track.fade.holdingPose) track.buffer.sample(now - INTERPOLATION_DELAY_MS, shown);
    shown.speed += (track.speed - shown.speed) * Math.min(1, delta * SPEED_EASING_PER_SECOND);
    driver.setFade(track.opacity);
    const who = track.attention || track.ownerSession;
    driver.lookAt(personPoint(who, eyeHeight(who), track.gaze) ? track.gaze : null);
  }, FRAME_ORDER.simulate);

  return (
    <PersonAvatar avatar={info.avatar} tints={tints} pose={shown} driver={driver} color={color}>
      <NameTag name={info.name} color={color} />
      <SpeechBubble said={quiet ? undefined : said} />
    </PersonAvatar>
  );
}
