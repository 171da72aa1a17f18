export { LocalPlayer } from "./LocalPlayer";
export { ThirdPersonCamera } from "./ThirdPersonCamera";
export { bindMoveCorrections } from "./bindMoveCorrections";
export { localPlayer } from "./localPlayer";
export { isTextEntryTarget } from "./inputMapping";
