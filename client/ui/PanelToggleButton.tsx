import { useKeyShortcut } from "./useKeyShortcut";

export interface PanelToggleButtonProps {
  label: string;
  /** `KeyboardEvent.code` of the shortcut, e.g. "KeyP"; free of walking (WASD/QE) and Enter for chat. */
  shortcut: string;
  open: boolean;
  toggle: () => void;
  testId: string;
  /** Extra class for placement beside the other HUD buttons. */
  className?: string;
}

/** A HUD button that opens and closes a panel, with its key shortcut (anywhere but in a text field). */
export function PanelToggleButton({ label, shortcut, open, toggle, testId, className }: PanelToggleButtonProps) {
  useKeyShortcut(shortcut, toggle);
  const classes = ["panel", "companion-button", className, open ? "active" : undefined].filter(Boolean).join(" ");
  return (
    <button
      type="button"
      data-testid={testId}
      className={classes}
      aria-pressed={open}
      onClick={(event) => {
        toggle();
        // Back to walking: a focused button would otherwise swallow Space/Enter presses.
        event.currentTarget.blur();
      }}
    >
      {label} <kbd>{shortcut.replace(/^Key/, "")}</kbd>
    </button>
  );
}
