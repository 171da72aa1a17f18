import type { VRMExpression, VRMExpressionManager } from "@pixiv/three-vrm";
import { VISEMES } from "../lipSync/visemes";
import { numberView } from "../numberView";
import { FACIAL_EMOTIONS } from "./emotionBlender";

/** Every expression the driver sets, by VRM 1.0 preset name. */
export const DRIVEN_EXPRESSIONS = [...FACIAL_EMOTIONS, "blink", ...VISEMES] as const;

const EMOTIONS_AT = DRIVEN_EXPRESSIONS.indexOf(FACIAL_EMOTIONS[0]);
const BLINK_AT = DRIVEN_EXPRESSIONS.indexOf("blink");
const MOUTH_AT = DRIVEN_EXPRESSIONS.indexOf(VISEMES[0]);

/**
 * Writes the face's weights to one VRM's expressions (resolved once, so no lookups per frame)
 * and mirrors what it wrote into {@link weights} for readers such as the automation handle.
 * Expressions the model lacks are skipped.
 */
export class FaceExpressions {
  private readonly values = new Float64Array(DRIVEN_EXPRESSIONS.length);
  /** The weights last applied, by expression name (read-only; reads the live values). */
  readonly weights: Readonly<Record<string, number>> = numberView(DRIVEN_EXPRESSIONS, this.values);
  /** The model's expression for each of {@link DRIVEN_EXPRESSIONS}, by index. */
  private bound: (VRMExpression | undefined)[] = [];
  private others: VRMExpression[] = [];

  bind(manager: VRMExpressionManager | undefined): void {
    this.bound = [];
    this.others = [];
    if (!manager) return;
    this.bound = DRIVEN_EXPRESSIONS.map((name) => manager.getExpression(name) ?? undefined);
    this.others = manager.expressions.filter((e) => !manager.blinkExpressionNames.includes(e.expressionName));
  }

  unbind(): void {
    for (const expression of this.bound) if (expression) expression.weight = 0;
    this.values.fill(0);
    this.bound = [];
    this.others = [];
  }

  /** One weight per facial emotion, in FACIAL_EMOTIONS order. */
  setEmotions(emotions: Float64Array): void {
    this.copy(emotions, EMOTIONS_AT);
  }

  /** One weight per viseme, in VISEMES order. */
  setMouth(mouth: Float64Array): void {
    this.copy(mouth, MOUTH_AT);
  }

  setBlink(value: number): void {
    this.values[BLINK_AT] = value;
    const expression = this.bound[BLINK_AT];
    if (expression) expression.weight = value;
  }

  /**
   * How much the expressions set now override blinking (three-vrm's override amounts, summed):
   * at 1 or more three-vrm shows no blink at all.
   */
  blinkOverride(): number {
    const others = this.others;
    let sum = 0;
    for (let i = 0; i < others.length; i++) sum += others[i]!.overrideBlinkAmount;
    return sum;
  }

  private copy(from: Float64Array, at: number): void {
    const values = this.values;
    const bound = this.bound;
    for (let i = 0; i < from.length; i++) {
      const weight = from[i]!;
      values[at + i] = weight;
      const expression = bound[at + i];
      if (expression) expression.weight = weight;
    }
  }
}
