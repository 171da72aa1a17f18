import { PanelToggleButton } from "../ui";
import { togglePersonaPanel, usePersonaPanel } from "./personaStore";

/** The HUD's way into the persona panel (P). */
export function CompanionButton() {
  const open = usePersonaPanel((s) => s.open);
  return <PanelToggleButton label="Companion" shortcut="KeyP" open={open} toggle={togglePersonaPanel} testId="companion-button" />;
}
