import { useEffect, useState } from "react";
import { BUBBLE_MS } from "../chat";
import { FloatingLabel, type LabelFit } from "../labels";
import { BODY } from "./bodyParts";

const FIT: LabelFit = { naturalAt: 6, minScale: 0.7, maxScale: 1.05, show: { near: 0, far: 30, fade: 6 } };

/** Something said, and when it arrived (performance.now()): bubbles age by this clock. */
export interface Said {
  id: string;
  text: string;
  receivedAt: number;
}

/** `said` above a head, fading out a few seconds after it arrived. */
export function SpeechBubble({ said, withTag = true }: { said: Said | undefined; withTag?: boolean }) {
  const [visibleId, setVisibleId] = useState<string | null>(null);

  useEffect(() => {
    if (!said) return;
    const remaining = BUBBLE_MS - (performance.now() - said.receivedAt);
    if (remaining <= 0) return;
    setVisibleId(said.id);
    const timer = setTimeout(() => setVisibleId((id) => (id === said.id ? null : id)), remaining);
    return () => clearTimeout(timer);
  }, [said]);

  if (!said || visibleId !== said.id) return null;
  return (
    <FloatingLabel position={[0, BODY.tagY + (withTag ? 0.42 : 0.1), 0]} fit={FIT} layer={40}>
      <div key={said.id} className="chat-bubble" style={{ animationDuration: `${BUBBLE_MS}ms` }}>
        {said.text}
      </div>
    </FloatingLabel>
  );
}
