/** The VRM mouth shapes lip sync drives (VRM 1.0 preset names). */
export const VISEMES = ["aa", "ih", "ou", "ee", "oh"] as const;
export type Viseme = (typeof VISEMES)[number];

/** One mouth shape at a time on an audio clock (seconds from the start of the audio). */
export interface VisemeCue {
  time: number;
  viseme: Viseme;
  /** 0 closes the mouth (a pause, or lips pressed for m/b/p). */
  weight: number;
}
