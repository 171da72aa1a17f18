export { FloatingLabel } from "./FloatingLabel";
export { LabelLayer } from "./LabelLayer";
export { labelLook, type LabelFit } from "./labelScale";
