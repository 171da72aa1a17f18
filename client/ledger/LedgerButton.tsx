import { PanelToggleButton } from "../ui";
import { toggleLedger, useLedger } from "./ledgerStore";

/** The HUD's way into the memory ledger (M), beside the companion button. */
export function LedgerButton() {
  const open = useLedger((s) => s.open);
  return <PanelToggleButton label="Memories" shortcut="KeyM" open={open} toggle={toggleLedger} testId="ledger-button" className="ledger-button" />;
}
