export { WorldScene, BACKDROP_NAME } from "./WorldScene";
export { useWorld, showWorld, whenAssetsReady } from "./worldStore";
export { solidObjects } from "./solidObjects";
export { DEG } from "./units";
