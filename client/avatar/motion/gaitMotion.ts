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
  pose.add("leftUpperLeg", leftThigh, 0, 0);
  pose.add("rightUpperLeg", rightThigh, 0, 0);
  pose.add("leftLowerLeg", leftKnee, 0, 0);
  pose.add("rightLowerLeg", rightKnee, 0, 0);
  pose.add("leftFoot", -(leftThigh + leftKnee) * 0.7, 0, 0);
  pose.add("rightFoot", -(rightThigh + rightKnee) * 0.7, 0, 0);

  const arm = (0.5 + 0.5 * run) * reach;
  const elbow = (0.15 + 1.1 * run) * gait.walk;
  pose.add("leftUpperArm", arm * left.forward, 0, 0);
  pose.add("rightUpperArm", arm * right.forward, 0, 0);
  pose.add("leftLowerArm", 0, -elbow, 0);
  pose.add("rightLowerArm", 0, elbow, 0);

  const twist = 0.07 * (left.forward - right.forward) * 0.5 * gait.walk;
  pose.add("hips", 0, -twist, 0);
  pose.add("chest", 0, twist * 1.3, 0);
  pose.add("spine", 0.14 * run, 0, 0);
  pose.add("head", -0.08 * run, 0, 0);

  // The hips sit as high as the most upright planted leg allows.
  let planted = 0;
  if (left.lift === 0) planted = Math.cos(leftLeg);
  if (right.lift === 0) planted = Math.max(planted, Math.cos(rightLeg));
  if (planted === 0) planted = Math.cos(Math.asin(reach * 0.5)); // airborne (running)
  pose.hipsOffset.y -= gait.hipHeight * (1 - planted) * moving;
}
