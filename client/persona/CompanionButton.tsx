import { useEffect } from "react";
import { isTextEntryTarget } from "../player";
import { togglePersonaPanel, usePersonaPanel } from "./personaStore";

/** The key that opens and closes the panel: free of WASD/QE walking and Enter for chat. */
const SHORTCUT_CODE = "KeyP";

/** P anywhere but in a text field toggles the persona panel. */
function usePersonaShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.code !== SHORTCUT_CODE || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntryTarget(event.target)) return;
      event.preventDefault();
      togglePersonaPanel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** The HUD's way into the persona panel. */
export function CompanionButton() {
  usePersonaShortcut();
  const open = usePersonaPanel((s) => s.open);
  return (
    <button
      type="button"
      data-testid="companion-button"
      className={open ? "panel companion-button active" : "panel companion-button"}
      aria-pressed={open}
      onClick={(event) => {
        togglePersonaPanel();
        // Back to walking: a focused button would otherwise swallow Space/Enter presses.
        event.currentTarget.blur();
      }}
    >
      Companion <kbd>P</kbd>
    </button>
  );
}
