import { useEffect, useState, type PointerEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { micButtonLabel } from "./micButtonLabel";
import { PUSH_TO_TALK_KEY, usePushToTalkKey } from "./usePushToTalkKey";
import { useVoiceInput } from "./useVoiceInput";
import "./micButton.css";

/** How long "you said: …" stays up. */
const TRANSCRIPT_SHOWN_MS = 6000;
const KEY_NAME = PUSH_TO_TALK_KEY.replace(/^Key/, "");

/**
 * The microphone in the HUD: hold it (or the V key) to talk, or switch to hands-free. It shows
 * what it is doing, what the server heard, and plainly why it cannot listen when it cannot.
 */
export function MicButton() {
  const input = useVoiceInput(
    useShallow((s) => ({ mode: s.mode, state: s.state, starting: s.starting, reason: s.reason, problem: s.problem, lastTranscript: s.lastTranscript, transcripts: s.transcripts })),
  );
  const { startPushToTalk, stopPushToTalk, setMode } = useVoiceInput.getState();
  const [transcriptShown, setTranscriptShown] = useState(false);
  usePushToTalkKey();

  useEffect(() => {
    if (input.transcripts === 0) return;
    setTranscriptShown(true);
    const timer = setTimeout(() => setTranscriptShown(false), TRANSCRIPT_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [input.transcripts]);

  const unavailable = input.state === "unavailable";
  const pushToTalk = input.mode === "push-to-talk";
  const press = (event: PointerEvent<HTMLButtonElement>) => {
    if (!pushToTalk || event.button !== 0) return;
    // Keeps the release coming here even when the pointer slides off the button.
    event.currentTarget.setPointerCapture(event.pointerId);
    startPushToTalk();
  };
  const release = (event: PointerEvent<HTMLButtonElement>) => {
    stopPushToTalk();
    // Back to walking: a focused button would otherwise swallow Space/Enter presses.
    event.currentTarget.blur();
  };

  const message = unavailable
    ? `Speech recognition is not available: ${input.reason ?? "the server cannot recognise speech"}. You can still type.`
    : (input.problem ?? (transcriptShown && input.lastTranscript !== undefined ? `you said: “${input.lastTranscript}”` : null));

  return (
    <div className="voice-input" data-testid="voice-input">
      {message && (
        <div className={`panel voice-message${input.problem || unavailable ? " trouble" : ""}`} data-testid="voice-message" role="status">
          {message}
        </div>
      )}
      <div className="mic-controls">
        <button
          type="button"
          data-testid="mic-button"
          data-state={input.state}
          className={`panel mic-button ${input.state}`}
          disabled={unavailable}
          aria-pressed={input.state === "speaking"}
          title={unavailable ? input.reason : pushToTalk ? `Hold to talk (or hold ${KEY_NAME})` : "Hands-free: just speak"}
          onPointerDown={press}
          onPointerUp={release}
          onPointerCancel={release}
          onContextMenu={(event) => event.preventDefault()}
        >
          <span className="mic-dot" aria-hidden /> {micButtonLabel(input, KEY_NAME)}
        </button>
        <label className="panel mic-mode" title="Listen all the time and notice when you speak">
          <input
            type="checkbox"
            data-testid="hands-free"
            checked={!pushToTalk}
            disabled={unavailable}
            onChange={(event) => {
              setMode(event.target.checked ? "hands-free" : "push-to-talk");
              event.target.blur();
            }}
          />
          Hands-free
        </label>
      </div>
    </div>
  );
}
