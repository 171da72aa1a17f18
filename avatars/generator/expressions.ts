/**
 * The 18 VRM preset expressions as face states, with their VRM override rules. Emotions that
 * close or reshape the eyes block blinking; emotions that shape the mouth blend with visemes.
 */
import { REST_BROW, REST_EYE, REST_FACE, type BrowState, type EyeState, type FaceState, type MouthState } from "./faceState";

export type OverrideMode = "none" | "block" | "blend";

export interface ExpressionDefinition {
  name: string;
  state: FaceState;
  overrideBlink: OverrideMode;
  overrideMouth: OverrideMode;
  overrideLookAt: OverrideMode;
}

const eyes = (e: Partial<EyeState>): Pick<FaceState, "left" | "right"> => ({ left: { ...REST_EYE, ...e }, right: { ...REST_EYE, ...e } });
const brows = (b: Partial<BrowState>): Pick<FaceState, "leftBrow" | "rightBrow"> => ({ leftBrow: { ...REST_BROW, ...b }, rightBrow: { ...REST_BROW, ...b } });
const mouth = (m: Partial<MouthState>): Pick<FaceState, "mouth"> => ({ mouth: { ...REST_FACE.mouth, ...m } });
const face = (parts: Partial<FaceState>): FaceState => ({ ...REST_FACE, ...parts });

const emotion = (name: string, state: FaceState, overrideBlink: OverrideMode, overrideMouth: OverrideMode): ExpressionDefinition => ({
  name,
  state,
  overrideBlink,
  overrideMouth,
  overrideLookAt: "none",
});
const plain = (name: string, state: FaceState): ExpressionDefinition => emotion(name, state, "none", "none");

export const EXPRESSIONS: readonly ExpressionDefinition[] = [
  emotion("happy", face({ ...eyes({ open: 0, closedCurve: 1 }), ...brows({ raise: 0.12 }), ...mouth({ width: 0.0135, openTop: 0.0015, openBottom: 0.0085, smile: 0.0045, squareness: 3 }), blush: 1 }), "block", "blend"),
  emotion("angry", face({ ...eyes({ lidTilt: 0.5, irisScale: 0.92 }), ...brows({ raise: -0.1, inner: -0.42 }), ...mouth({ width: 0.011, smile: -0.003, openBottom: 0.0012 }) }), "blend", "blend"),
  emotion("sad", face({ ...eyes({ lidTilt: -0.4, lookY: -0.25 }), ...brows({ inner: 0.42, raise: -0.04 }), ...mouth({ width: 0.0085, smile: -0.0035 }) }), "blend", "blend"),
  emotion("relaxed", face({ ...eyes({ open: 0.45, closedCurve: 0.3 }), ...brows({ raise: 0.04 }), ...mouth({ width: 0.011, smile: 0.0035 }), blush: 0.4 }), "block", "blend"),
  emotion("surprised", face({ ...eyes({ scale: 1.1, irisScale: 0.78 }), ...brows({ raise: 0.32, inner: 0.08 }), ...mouth({ width: 0.0062, openTop: 0.0045, openBottom: 0.0075, smile: 0 }) }), "block", "blend"),
  plain("neutral", face({ ...mouth({ width: 0.0085, smile: 0.0004 }), ...brows({ raise: -0.06 }) })),
  plain("blink", face({ ...eyes({ open: 0 }) })),
  plain("blinkLeft", face({ left: { ...REST_EYE, open: 0 } })),
  plain("blinkRight", face({ right: { ...REST_EYE, open: 0 } })),
  plain("aa", face(mouth({ width: 0.0105, openTop: 0.004, openBottom: 0.011, smile: 0.0008, squareness: 2.2 }))),
  plain("ih", face(mouth({ width: 0.0125, openTop: 0.0017, openBottom: 0.0042, smile: 0.0014, squareness: 3 }))),
  plain("ou", face(mouth({ width: 0.0055, openTop: 0.0032, openBottom: 0.0048, smile: 0, squareness: 2 }))),
  plain("ee", face(mouth({ width: 0.014, openTop: 0.0022, openBottom: 0.0055, smile: 0.0022, squareness: 3.6 }))),
  plain("oh", face(mouth({ width: 0.0078, openTop: 0.0045, openBottom: 0.0085, smile: 0, squareness: 2 }))),
  plain("lookUp", face(eyes({ lookY: 1 }))),
  plain("lookDown", face({ ...eyes({ lookY: -1, open: 0.82 }) })),
  plain("lookLeft", face(eyes({ lookX: 1 }))),
  plain("lookRight", face(eyes({ lookX: -1 }))),
];

export const EXPRESSION_NAMES = EXPRESSIONS.map((e) => e.name);
