import { VISEMES, type Viseme, type VisemeCue } from "../../../shared/speech";

export { VISEMES, type Viseme, type VisemeCue };

/** Seconds since the audio the timeline belongs to started playing. */
export type AudioClock = () => number;

export type VisemeWeights = Record<Viseme, number>;

export function emptyVisemeWeights(): VisemeWeights {
  return { aa: 0, ih: 0, ou: 0, ee: 0, oh: 0 };
}
