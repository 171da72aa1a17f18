import type { Portal, WorldDefinition } from "../../shared/world";
import { portalAt } from "../../shared/world";

/**
 * Remembers which portal trigger a player stands in, so stepping in announces the portal once
 * per entry, not on every move made while inside.
 */
export class PortalTracker {
  private inside: string | undefined;

  constructor(
    private readonly world: WorldDefinition,
    x: number,
    z: number,
  ) {
    this.inside = portalAt(world, x, z)?.id;
  }

  /** The portal just entered by standing at (x, z), if any. */
  enter(x: number, z: number): Portal | undefined {
    const portal = portalAt(this.world, x, z);
    const entered = portal && portal.id !== this.inside ? portal : undefined;
    this.inside = portal?.id;
    return entered;
  }
}
