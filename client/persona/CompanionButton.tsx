import { useKeyShortcut } from "../ui";
import { togglePersonaPanel, usePersonaPanel } from "./personaStore";

/** The key that opens and closes the panel: free of WASD/QE walking and Enter for chat. */
const SHORTCUT_CODE = "KeyP";

/** The HUD's way into the persona panel; P anywhere but in a text field toggles it. */
export function CompanionButton() {
  useKeyShortcut(SHORTCUT_CODE, togglePersonaPanel);
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
