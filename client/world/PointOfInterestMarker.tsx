import type { PointOfInterest } from "../../shared/world";
import { FloatingLabel, type LabelFit } from "../labels";

/** Names appear as you approach and step aside once you are there. */
const FIT: LabelFit = { naturalAt: 9, minScale: 0.7, maxScale: 1, show: { near: 6, far: 16, fade: 3 } };

/** A named place: its name floats above the spot while you are near, not on top of it. */
export function PointOfInterestMarker({ poi }: { poi: PointOfInterest }) {
  const [x, y, z] = poi.position;
  return (
    <FloatingLabel position={[x, y + 2.6, z]} fit={FIT} layer={10}>
      <div className="world-label poi-label">{poi.name}</div>
    </FloatingLabel>
  );
}
