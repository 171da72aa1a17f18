import { useDoNotDisturb } from "../../companions";
import { useVoicePlayback, type VoicePlaybackState } from "../../voice/playback";

/**
 * Mutes every companion but the person's own (`ownSession`: its owner's session id) that is not
 * muted already. Returns the companions do-not-disturb now holds muted: those of `held` still
 * muted, and the ones muted here (`held` itself when nothing changed). A companion muted by the
 * person, not in `held`, is theirs: do-not-disturb never unmutes it.
 */
export function muteOthers(
  companions: Record<string, { id: string }>,
  ownSession: string | undefined,
  playback: () => VoicePlaybackState,
  held: readonly string[],
): readonly string[] {
  const kept = held.filter((id) => playback().muted[id] === true);
  for (const [ownerSession, companion] of Object.entries(companions)) {
    if (ownerSession === ownSession || playback().muted[companion.id]) continue;
    playback().setMuted(companion.id, true);
    kept.push(companion.id);
  }
  return kept.length === held.length && kept.every((id, i) => id === held[i]) ? held : kept;
}

/** Unmutes what do-not-disturb muted (after a session, or left over from a page closed mid-session); the person's own mutes stay. */
export function releaseDoNotDisturbMutes(): void {
  const { muted, setMuted } = useDoNotDisturb.getState();
  if (muted.length === 0) return;
  for (const id of muted) useVoicePlayback.getState().setMuted(id, false);
  setMuted([]);
}

/** At page load: undoes mutes a page closed mid-session left behind, unless do-not-disturb is in effect (a session already runs). */
export function releaseLeftoverDoNotDisturbMutes(): void {
  if (!useDoNotDisturb.getState().on) releaseDoNotDisturbMutes();
}
