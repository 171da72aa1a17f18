export { ipaUnits } from "./ipaUnits";
export { letterUnits } from "./letterUnits";
export { measureLoudness, loudnessAt, silentGaps, LOUDNESS_FRAME_S, type Loudness } from "./loudness";
export { sliceCues } from "./sliceCues";
export { visemeTimeline, type SpokenText } from "./visemeTimeline";
export type { VisemeUnit } from "./visemeUnit";
