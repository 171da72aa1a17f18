import { useKeyShortcut } from "../ui";
import { toggleLedger, useLedger } from "./ledgerStore";

/** Free of WASD/QE walking, Enter for chat and P for the persona. */
const SHORTCUT_CODE = "KeyM";

/** The HUD's way into the memory ledger (M), beside the companion button. */
export function LedgerButton() {
  useKeyShortcut(SHORTCUT_CODE, toggleLedger);
  const open = useLedger((s) => s.open);
  return (
    <button
      type="button"
      data-testid="ledger-button"
      className={open ? "panel companion-button ledger-button active" : "panel companion-button ledger-button"}
      aria-pressed={open}
      onClick={(event) => {
        toggleLedger();
        // Back to walking: a focused button would otherwise swallow Space/Enter presses.
        event.currentTarget.blur();
      }}
    >
      Memories <kbd>M</kbd>
    </button>
  );
}
