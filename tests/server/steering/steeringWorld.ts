import { walkableOf, WorldDefinition, type Walkable } from "../../../shared/world";
import { fixtureWorld } from "../../support/worlds";

/**
 * A 40 × 40 m world for steering scenarios: a long wall with a gap, a rotated box, two round
 * pillars and a narrow corridor between two boxes, so a walk through it passes corners, a
 * doorway and a squeeze. The fixture's wall across z = -5 stays.
 */
export function steeringWorld(): Walkable {
  return walkableOf(
    WorldDefinition.parse(
      fixtureWorld("obstacles", "alpha", {
        bounds: { minX: -20, maxX: 20, minZ: -20, maxZ: 20 },
        ground: { size: [40, 40], color: "#336633" },
        obstacles: [
          { type: "box", center: [0, -5], size: [4, 1] },
          // A wall along x = 6 from z = -20 to 2, and from z = 5 on: a 3 m doorway at z 2…5.
          { type: "box", center: [6, -9], size: [0.6, 22] },
          { type: "box", center: [6, 12.5], size: [0.6, 15] },
          { type: "box", center: [-8, 8], size: [3, 2], rotation: 30 },
          { type: "circle", center: [-4, -10], radius: 1 },
          { type: "circle", center: [12, -4], radius: 1.5 },
          // A 2.4 m wide corridor between two boxes, along z at x = 14.
          { type: "box", center: [11.8, 12], size: [2, 8] },
          { type: "box", center: [16.2, 12], size: [2, 8] },
        ],
      }),
    ),
  );
}

/** The fixture world with a walled square round (5, 5), closed on every side: no way in or out. */
export function ringedWorld(): Walkable {
  return walkableOf(
    WorldDefinition.parse(
      fixtureWorld("ring", "alpha", {
        obstacles: [
          { type: "box", center: [5, 2.5], size: [5, 0.5] },
          { type: "box", center: [5, 7.5], size: [5, 0.5] },
          { type: "box", center: [2.5, 5], size: [0.5, 5] },
          { type: "box", center: [7.5, 5], size: [0.5, 5] },
        ],
      }),
    ),
  );
}
