import { FloatingLabel, type LabelFit } from "../labels";
import { BODY } from "./bodyParts";

const FIT: LabelFit = { naturalAt: 6, minScale: 0.72, maxScale: 1.1, show: { near: 0, far: 40, fade: 8 } };

/** The name floating above someone's head. */
export function NameTag({ name, color, away = false }: { name: string; color: string; away?: boolean }) {
  return (
    <FloatingLabel position={[0, BODY.tagY, 0]} fit={FIT} layer={30}>
      <div className={away ? "world-label name-tag away" : "world-label name-tag"}>
        <span className="name-dot" style={{ background: color }} />
        {name}
        {away && <span className="name-away">reconnecting…</span>}
      </div>
    </FloatingLabel>
  );
}
