import type { FormEvent, KeyboardEvent } from "react";
import { AppearanceSection } from "./AppearanceSection";
import { IdentitySection, InterestsSection, PersonalitySection, SpeakingSection, VoiceSection } from "./PersonaSections";
import { closePersonaPanel, loadPersona, savePersona, usePersonaPanel } from "./personaStore";

/**
 * The owner's editor for their companion's persona. Keys pressed in it stay in it: they must
 * not walk the player or open the chat (those listen on the window). Key-ups still pass, so a
 * key held while the panel opened is released.
 */
export function PersonaPanel() {
  const open = usePersonaPanel((s) => s.open);
  const draft = usePersonaPanel((s) => s.draft);
  const busy = usePersonaPanel((s) => s.busy);
  const notice = usePersonaPanel((s) => s.notice);
  const hasErrors = usePersonaPanel((s) => Object.keys(s.errors).length > 0);
  if (!open) return null;

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === "Escape") closePersonaPanel();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void savePersona();
  };

  return (
    <div className="panel persona-panel" role="dialog" aria-label="Companion persona" data-testid="persona-panel" onKeyDown={onKeyDown}>
      <header className="persona-header">
        <div className="persona-title">{draft ? draft.name || "Your companion" : "Your companion"}</div>
        <button type="button" className="small-button" onClick={closePersonaPanel} aria-label="close">
          ✕
        </button>
      </header>
      <div className="persona-body">
        {busy === "loading" && !draft && <p className="persona-note">Loading your companion…</p>}
        {/* Keyed by version: list fields keep their typed text until a persona is (re)loaded. */}
        {draft && (
          <form key={draft.version} className="persona-form" onSubmit={onSubmit}>
            <IdentitySection />
            <AppearanceSection />
            <PersonalitySection />
            <SpeakingSection />
            <InterestsSection />
            <VoiceSection />
          </form>
        )}
      </div>
      <footer className="persona-footer">
        {notice && (
          <div className={`persona-notice ${notice.kind}`} role={notice.kind === "saved" ? "status" : "alert"} data-testid="persona-notice">
            {notice.text}
            {notice.kind === "conflict" && (
              <button type="button" className="small-button" onClick={() => void loadPersona()}>
                Reload
              </button>
            )}
          </div>
        )}
        <button
          type="button"
          data-testid="persona-save"
          className="primary-button persona-save"
          disabled={!draft || busy !== null || hasErrors}
          onClick={() => void savePersona()}
        >
          {busy === "saving" ? "Saving…" : "Save"}
        </button>
      </footer>
    </div>
  );
}
