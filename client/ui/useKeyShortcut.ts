import { useEffect } from "react";
import { isTextEntryTarget } from "../player";

/**
 * Calls `action` when the key `code` (a physical key, e.g. "KeyM") is pressed anywhere but in a
 * text field, without modifiers or auto-repeat: the HUD's panel shortcuts.
 */
export function useKeyShortcut(code: string, action: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.code !== code || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTextEntryTarget(event.target)) return;
      event.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [code, action]);
}
