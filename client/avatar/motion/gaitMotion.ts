import type { BodyPose } from "./bodyPose";
import type { GaitPhase } from "./gaitPhase";

const left = { forward: 0, lift: 0 };
const right = { forward: 0, lift: 0 };

/**
 * Writes the step cycle onto the body: each leg's angle puts its foot where the gait says (on
 * the ground it slides back exactly as fast as the body moves on), the swinging leg bends its
 * knee and lifts, feet stay level, the hips ride as low as the planted leg needs, arms
 * counter-swing, and a runner leans forward with bent elbows.
 */
export function writeGait(pose: BodyPose, gait: GaitPhase): void {
  const moving = Math.max(gait.walk, gait.turn);
  if (moving <= 0) return;
  gait.foot(gait.phase, left);
  gait.foot(gait.phase + 0.5, right);
  const reach = gait.reach;
  const run = gait.run;
  const leftLeg = Math.asin(left.forward * reach);
  const rightLeg = Math.asin(right.forward * reach);
  const knee = (0.7 + 0.9 * run) * moving;
  const leftKnee = knee * left.lift;
  const rightKnee = knee * right.lift;
  // Thighs lift forward while swinging so the bent leg clears the ground. Forward is −X.
  const leftThigh = -leftLeg - 0.35 * leftKnee;
  const rightThigh = -rightLeg - 0.35 * rightKnee;
  // Written into the pose's vectors directly: numbers handed to calls the optimiser does not
  // inline would each be boxed on the heap.
  const r = pose.rotation;
  r.leftUpperLeg.x += leftThigh;
  r.rightUpperLeg.x += rightThigh;
  r.leftLowerLeg.x += leftKnee;
  r.rightLowerLeg.x += rightKnee;
  r.leftFoot.x += -(leftThigh + leftKnee) * 0.7;
  r.rightFoot.x += -(rightThigh + rightKnee) * 0.7;

  const arm = (0.5 + 0.5 * run) * reach;
  const elbow = (0.15 + 1.1 * run) * gait.walk;
  r.leftUpperArm.x += arm * left.forward;
  r.rightUpperArm.x += arm * right.forward;
  r.leftLowerArm.y += -elbow;
  r.rightLowerArm.y += elbow;

  const twist = 0.07 * (left.forward - right.forward) * 0.5 * gait.walk;
  r.hips.y += -twist;
  r.chest.y += twist * 1.3;
  r.spine.x += 0.14 * run;
  r.head.x += -0.08 * run;

  // The hips sit as high as the most upright planted leg allows.
  let planted = 0;
  if (left.lift === 0) planted = Math.cos(leftLeg);
  if (right.lift === 0) planted = Math.max(planted, Math.cos(rightLeg));
  if (planted === 0) planted = Math.cos(Math.asin(reach * 0.5)); // airborne (running)
  pose.hipsOffset.y -= gait.hipHeight * (1 - planted) * moving;
}
