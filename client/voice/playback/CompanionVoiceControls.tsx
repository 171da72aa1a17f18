import { useCompanions } from "../../companions";
import { userColor } from "../../people";
import { useVoicePlayback } from "./voicePlaybackStore";
import "../../styles/voicePlayback.css";

/**
 * The companions you can hear here, each with a mute switch (kept in this browser) and a mark
 * while it speaks. Muting silences that companion only; its lips still move.
 */
export function CompanionVoiceControls() {
  const companions = useCompanions((s) => s.companions);
  const muted = useVoicePlayback((s) => s.muted);
  const playing = useVoicePlayback((s) => s.playing);
  const setMuted = useVoicePlayback((s) => s.setMuted);
  const list = Object.values(companions);
  if (list.length === 0) return null;
  return (
    <div className="panel voice-controls" data-testid="voice-controls">
      {list.map(({ id, name }) => {
        const silenced = muted[id] ?? false;
        return (
          <div key={id} className="voice-row">
            <span className="name-dot" style={{ background: userColor(id) }} />
            <span className="voice-name">{name}</span>
            {playing[id] && !silenced && <span className="voice-speaking" aria-label="speaking" />}
            <button
              type="button"
              className={silenced ? "voice-mute muted" : "voice-mute"}
              data-testid={`mute-${id}`}
              aria-pressed={silenced}
              title={silenced ? `Hear ${name} again` : `Mute ${name}`}
              onClick={(event) => {
                setMuted(id, !silenced);
                // Back to walking: a focused button would swallow Space/Enter.
                event.currentTarget.blur();
              }}
            >
              {silenced ? "🔇 Muted" : "🔊 Mute"}
            </button>
          </div>
        );
      })}
    </div>
  );
}
