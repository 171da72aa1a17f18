import { CapsuleGeometry, SphereGeometry } from "three";

/** Placeholder body measurements (metres); labels float as high above a VRM's head as above this one's. */
export const BODY = {
  radius: 0.27,
  /** Straight part of the torso capsule; total torso height is this plus two radii. */
  torsoLength: 0.7,
  headRadius: 0.23,
  /** Height of the centre of the head above the feet. */
  headY: 1.49,
  /** Where name tags float. */
  tagY: 1.98,
} as const;

const torsoCentreY = BODY.torsoLength / 2 + BODY.radius;

/** One shared set of geometries for every person: bodies differ only in material. */
export const bodyGeometry = {
  torso: new CapsuleGeometry(BODY.radius, BODY.torsoLength, 8, 24).translate(0, torsoCentreY, 0),
  head: new SphereGeometry(BODY.headRadius, 32, 20),
  eye: new SphereGeometry(0.034, 12, 8).scale(1, 1.4, 0.6),
  cheek: new SphereGeometry(0.03, 10, 6).scale(1.3, 0.8, 0.4),
  hand: new SphereGeometry(0.075, 16, 12),
};
