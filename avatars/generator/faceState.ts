/** The pose of the face features: the rest face and every expression are one of these. */

export interface EyeState {
  /** 1 open … 0 closed. */
  open: number;
  /** Shape of the line a closing eye folds into: -1 a blink's gentle ◡, +1 a smiling ∩. */
  closedCurve: number;
  /** Size of the whole eye. */
  scale: number;
  /** Size of iris and pupil. */
  irisScale: number;
  /** Upper lid tilt: positive lowers the inner end (a glare), negative the outer end (sorrow). */
  lidTilt: number;
  /** Gaze, as a fraction of the eye's half width/height: +x = the avatar's left, +y = up. */
  lookX: number;
  lookY: number;
}

export interface BrowState {
  /** Whole-brow lift, in eye heights. */
  raise: number;
  /** Inner-end lift, in eye heights (negative knits the brows down in anger). */
  inner: number;
}

export interface MouthState {
  /** Half width, metres at a 0.25 m head. */
  width: number;
  openTop: number;
  openBottom: number;
  /** Corner lift (negative frowns). */
  smile: number;
  /** 2 = round lips, larger = wider, squarer opening. */
  squareness: number;
}

export interface FaceState {
  left: EyeState;
  right: EyeState;
  leftBrow: BrowState;
  rightBrow: BrowState;
  mouth: MouthState;
  /** 0 … 1 cheek blush. */
  blush: number;
}

export const REST_EYE: EyeState = { open: 1, closedCurve: -1, scale: 1, irisScale: 1, lidTilt: 0, lookX: 0, lookY: 0 };
export const REST_BROW: BrowState = { raise: 0, inner: 0 };

export const REST_FACE: FaceState = {
  left: REST_EYE,
  right: REST_EYE,
  leftBrow: REST_BROW,
  rightBrow: REST_BROW,
  mouth: { width: 0.0095, openTop: 0, openBottom: 0, smile: 0.0016, squareness: 2 },
  blush: 0,
};
