import { useChat } from "../chat";
import { SpeechBubble } from "./SpeechBubble";

/** What `userId` last said in chat, above their head. */
export function ChatBubble({ userId, withTag = true }: { userId: string; withTag?: boolean }) {
  const said = useChat((s) => s.bubbles[userId]);
  return <SpeechBubble said={said} withTag={withTag} />;
}
