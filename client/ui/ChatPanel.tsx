import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { CHAT_MAX_LENGTH } from "../../shared/protocol";
import { addNote, sendChat, useChat } from "../chat";
import { isTextEntryTarget } from "../player";
import { useConnection } from "../net";
import { userColor } from "../people";

/**
 * The chat log and its input. Enter anywhere focuses the input; Enter in it sends and hands the
 * keys back to walking; Escape leaves it without sending.
 */
export function ChatPanel() {
  const lines = useChat((s) => s.lines);
  const room = useConnection((s) => s.room);
  const connected = useConnection((s) => s.status === "connected");
  const [text, setText] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const log = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Enter" || isTextEntryTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [lines]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      event.currentTarget.blur();
      return;
    }
    if (event.key !== "Enter") return;
    event.preventDefault();
    const message = text.trim();
    if (message) {
      if (!room || !connected) {
        addNote("Not connected: your message was not sent.");
        return;
      }
      sendChat(room, message);
      setText("");
    }
    event.currentTarget.blur();
  };

  return (
    <div className="panel chat-panel">
      <div className="chat-log" ref={log} data-testid="chat-log" aria-live="polite">
        {lines.length === 0 && <div className="chat-empty">Say hello — press Enter to chat.</div>}
        {lines.map((line) =>
          line.from ? (
            <div key={line.id} className="chat-line">
              <span className="chat-name" style={{ color: userColor(line.from.userId) }}>
                {line.from.name}
              </span>
              <span className="chat-text">{line.text}</span>
            </div>
          ) : (
            <div key={line.id} className="chat-line note">
              {line.text}
            </div>
          ),
        )}
      </div>
      <input
        ref={input}
        data-testid="chat-input"
        className="text-input chat-input"
        value={text}
        maxLength={CHAT_MAX_LENGTH}
        placeholder={connected ? "Press Enter to chat" : "Chat is paused while offline"}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label="chat message"
      />
    </div>
  );
}
