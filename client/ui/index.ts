export { NameEntry } from "./NameEntry";
export { LoadingScreen, type LoadingStep } from "./LoadingScreen";
export { ChatPanel } from "./ChatPanel";
export { ConnectionBadge } from "./ConnectionBadge";
export { WorldHud } from "./WorldHud";
export { ControlsHint } from "./ControlsHint";
export { useKeyShortcut } from "./useKeyShortcut";
export { PanelToggleButton } from "./PanelToggleButton";
