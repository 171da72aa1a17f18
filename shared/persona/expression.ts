/**
 * The companion's visible reactions. The mind emits them (from inline tags in the model's reply);
 * the client drives the face and body with them. Kept here so both sides share one vocabulary.
 */
export const EMOTIONS = ["happy", "sad", "angry", "surprised", "relaxed", "neutral"] as const;
export type Emotion = (typeof EMOTIONS)[number];

export const ACTIONS = ["wave", "nod", "shake", "point"] as const;
export type ActionName = (typeof ACTIONS)[number];

/** A gesture; `point` carries where to point (a place or person named by the model). */
export interface Action {
  name: ActionName;
  target?: string;
}
