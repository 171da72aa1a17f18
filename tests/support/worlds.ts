import type { WorldDefinitionInput } from "../../shared/world";

/**
 * A small valid world: 20 × 20 m, one spawn at the centre, a wall (box obstacle) across
 * z = -5 from x = -2 to 2, and a portal at z = 8 (radius 1) whose exit is at z = 6.
 */
export function fixtureWorld(id: string, portalTo: string, overrides: Partial<WorldDefinitionInput> = {}): WorldDefinitionInput {
  return {
    id,
    name: `World ${id}`,
    description: `test world ${id}`,
    ground: { size: [20, 20], color: "#336633" },
    sky: {
      top: "#88aaff",
      horizon: "#ddeeff",
      fog: { color: "#ddeeff", near: 10, far: 60 },
      sun: { direction: [1, 2, 1], color: "#ffffff", intensity: 1 },
      ambient: { color: "#ffffff", ground: "#444444", intensity: 0.5 },
    },
    bounds: { minX: -10, maxX: 10, minZ: -10, maxZ: 10 },
    spawns: [{ position: [0, 0, 0] }],
    obstacles: [{ type: "box", center: [0, -5], size: [4, 1] }],
    pointsOfInterest: [{ id: "centre", name: "Centre", position: [0, 0, 0] }],
    portals: [
      {
        id: `to-${portalTo}`,
        to: portalTo,
        arriveAt: `to-${id}`,
        label: `To ${portalTo}`,
        position: [0, 0, 8],
        radius: 1,
        exit: { position: [0, 0, 6], yaw: 180 },
      },
    ],
    ...overrides,
  };
}
