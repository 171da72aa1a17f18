import { actionForKey, isTextEntryTarget, type MoveAction } from "./inputMapping";

/** The movement keys held right now. */
export const heldActions = new Set<MoveAction>();

/**
 * Tracks movement keys on the window. Keys typed into text fields are ignored, and everything
 * is released when the window loses focus (or a key-up would be missed and the player would
 * walk on forever). Returns the cleanup.
 */
export function trackHeldKeys(): () => void {
  const down = (event: KeyboardEvent) => {
    if (isTextEntryTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = actionForKey(event.code);
    if (!action) return;
    heldActions.add(action);
    // Arrow keys would otherwise scroll the page.
    if (event.code.startsWith("Arrow")) event.preventDefault();
  };
  const up = (event: KeyboardEvent) => {
    const action = actionForKey(event.code);
    if (action) heldActions.delete(action);
    // Shift released while another key is down: browsers report the key-up under Shift's code.
    if (event.key === "Shift") heldActions.delete("run");
  };
  const releaseAll = () => heldActions.clear();
  const onVisibility = () => {
    if (document.hidden) releaseAll();
  };
  window.addEventListener("keydown", down);
  window.addEventListener("keyup", up);
  window.addEventListener("blur", releaseAll);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    window.removeEventListener("keydown", down);
    window.removeEventListener("keyup", up);
    window.removeEventListener("blur", releaseAll);
    document.removeEventListener("visibilitychange", onVisibility);
    releaseAll();
  };
}
