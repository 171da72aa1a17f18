import type { VRMExpression, VRMLookAtExpressionApplier } from "@pixiv/three-vrm";
import type { EyeAngles, Eyes } from "./eyes";
import { RangeMapping } from "./rangeMap";

/**
 * `VRMLookAtExpressionApplier.applyYawPitch` of three-vrm 3.5 without its garbage: the same
 * weights (same range maps, including its use of the outer horizontal map both ways and of the
 * up map for looking down), written straight into the four look expressions; three-vrm passes
 * each weight through two calls by name, boxed. The expressions are found once.
 */
export class ExpressionEyes implements Eyes {
  private readonly up: VRMExpression | null;
  private readonly down: VRMExpression | null;
  private readonly left: VRMExpression | null;
  private readonly right: VRMExpression | null;
  private readonly mapping = new RangeMapping();

  constructor(readonly source: VRMLookAtExpressionApplier) {
    const expressions = source.expressions;
    this.up = expressions.getExpression("lookUp");
    this.down = expressions.getExpression("lookDown");
    this.left = expressions.getExpression("lookLeft");
    this.right = expressions.getExpression("lookRight");
  }

  apply(angles: EyeAngles): void {
    const applier = this.source;
    const mapping = this.mapping;
    const yaw = angles._yaw;
    const pitch = angles._pitch;
    if (pitch < 0) {
      if (this.down) this.down.weight = 0;
      mapping.src = -pitch;
      mapping.map(applier.rangeMapVerticalUp);
      mapping.clampOut();
      if (this.up) this.up.weight = mapping.out;
    } else {
      if (this.up) this.up.weight = 0;
      mapping.src = pitch;
      mapping.map(applier.rangeMapVerticalDown);
      mapping.clampOut();
      if (this.down) this.down.weight = mapping.out;
    }
    if (yaw < 0) {
      if (this.left) this.left.weight = 0;
      mapping.src = -yaw;
      mapping.map(applier.rangeMapHorizontalOuter);
      mapping.clampOut();
      if (this.right) this.right.weight = mapping.out;
    } else {
      if (this.right) this.right.weight = 0;
      mapping.src = yaw;
      mapping.map(applier.rangeMapHorizontalOuter);
      mapping.clampOut();
      if (this.left) this.left.weight = mapping.out;
    }
  }
}
