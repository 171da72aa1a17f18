import type { VRMExpression, VRMExpressionManager } from "@pixiv/three-vrm";
import { VISEMES, type VisemeWeights } from "../lipSync/visemes";
import { FACIAL_EMOTIONS, type FacialEmotion } from "./emotionBlender";

/** Every expression the driver sets, by VRM 1.0 preset name. */
export const DRIVEN_EXPRESSIONS = [...FACIAL_EMOTIONS, "blink", ...VISEMES] as const;

/**
 * Writes the face's weights to one VRM's expressions (resolved once, so no lookups per frame)
 * and mirrors what it wrote into {@link weights} for readers such as the automation handle.
 * Expressions the model lacks are skipped.
 */
export class FaceExpressions {
  /** The weights last applied, by expression name; updated in place. */
  readonly weights: Record<string, number> = Object.fromEntries(DRIVEN_EXPRESSIONS.map((n) => [n, 0]));
  private bound: Partial<Record<(typeof DRIVEN_EXPRESSIONS)[number], VRMExpression>> = {};
  private others: VRMExpression[] = [];

  bind(manager: VRMExpressionManager | undefined): void {
    this.bound = {};
    this.others = [];
    if (!manager) return;
    for (const name of DRIVEN_EXPRESSIONS) {
      const expression = manager.getExpression(name);
      if (expression) this.bound[name] = expression;
    }
    this.others = manager.expressions.filter((e) => !manager.blinkExpressionNames.includes(e.expressionName));
  }

  unbind(): void {
    for (const name of DRIVEN_EXPRESSIONS) {
      const expression = this.bound[name];
      if (expression) expression.weight = 0;
      this.weights[name] = 0;
    }
    this.bound = {};
    this.others = [];
  }

  setEmotions(emotions: Record<FacialEmotion, number>): void {
    for (const name of FACIAL_EMOTIONS) this.set(name, emotions[name]);
  }

  setMouth(mouth: VisemeWeights): void {
    for (const name of VISEMES) this.set(name, mouth[name]);
  }

  setBlink(value: number): void {
    this.set("blink", value);
  }

  /**
   * How much the expressions set now override blinking (three-vrm's override amounts, summed):
   * at 1 or more three-vrm shows no blink at all.
   */
  blinkOverride(): number {
    let sum = 0;
    for (const e of this.others) sum += e.overrideBlinkAmount;
    return sum;
  }

  private set(name: (typeof DRIVEN_EXPRESSIONS)[number], weight: number): void {
    this.weights[name] = weight;
    const expression = this.bound[name];
    if (expression) expression.weight = weight;
  }
}
