import { useEffect, useState } from "react";

const SHOW_FOR_MS = 20_000;

/** A reminder of the controls for newcomers; it fades away after a while. */
export function ControlsHint() {
  const [shown, setShown] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setShown(false), SHOW_FOR_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className={shown ? "controls-hint" : "controls-hint hidden"} aria-hidden={!shown}>
      <kbd>W</kbd>
      <kbd>A</kbd>
      <kbd>S</kbd>
      <kbd>D</kbd> move · <kbd>Shift</kbd> run · drag to look · double-click to lock the mouse · <kbd>Enter</kbd> chat · <kbd>V</kbd> hold to talk · <kbd>P</kbd> companion · <kbd>M</kbd> memories
    </div>
  );
}
