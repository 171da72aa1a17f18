import type { ReactNode } from "react";

/**
 * A part of the scene nothing points at (bodies, scenery: no pointer listeners). A headset's
 * controllers and hands test what they point at or grab every frame by walking the whole scene;
 * they skip everything under here instead of walking every bone of twenty avatars.
 */
export function NotPointable({ children }: { children: ReactNode }) {
  return <group intersectChildren={false}>{children}</group>;
}
