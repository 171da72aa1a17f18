/**
 * Who a chat line speaks to: a companion is addressed when its name is used as a vocative
 * ("Wren, how are you?", "hey Wren!", "thanks, Wren.", "@Wren …"), case-insensitively and only as
 * a whole word. A name merely talked about ("I saw Wren yesterday", "Wrenfield") addresses no one.
 */

/** A companion that a line might address: its name and where it stands. */
export interface AddressCandidate {
  name: string;
  x: number;
  z: number;
}

const WORD_CHAR = "[\\p{L}\\p{N}\\p{M}_]";
const NOT_AFTER_WORD = `(?<!${WORD_CHAR})`;
// Nor a possessive: "Wren's hat" talks about Wren.
const NOT_BEFORE_WORD = `(?!${WORD_CHAR}|['’]\\p{L})`;
const GREETING = "(?:hey|hi|hiya|hello|oh|ok|okay|yo|dear|thanks|thank\\s+you|bye|goodbye|good\\s+(?:morning|afternoon|evening|night))";
const SET_OFF_AFTER = "(?=\\s*(?:[,.!?…;:]|$))";

/** Where `name` is used to address someone in `text` (index of the name), or -1. */
export function vocativeIndex(text: string, name: string): number {
  const words = name.trim().split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return -1;
  const n = `(?<name>${words.join("\\s+")})${NOT_BEFORE_WORD}`;
  const patterns = [
    // "@Wren …" anywhere.
    `@${n}`,
    // At the start, after greetings if any: "Wren, …", "hey Wren!", "Oh, hi Wren".
    `^\\s*(?:${GREETING}${NOT_BEFORE_WORD}[\\s,!.]*)*${n}`,
    // A greeting before it anywhere: "… oh hey Wren".
    `${NOT_AFTER_WORD}${GREETING}[\\s,]+${n}`,
    // Set off by punctuation: "how are you, Wren?", "tell me, Wren, …".
    `[,;:—–]\\s*${n}${SET_OFF_AFTER}`,
  ];
  let first = -1;
  for (const pattern of patterns) {
    const match = new RegExp(pattern, "iud").exec(text);
    const at = match?.indices?.groups?.name?.[0];
    if (at !== undefined && (first < 0 || at < first)) first = at;
  }
  return first;
}

/**
 * The companion `text` addresses, or undefined when it addresses none. Several addressed: the one
 * named first. Several with that name: the speaker's own, else the nearest to the speaker.
 */
export function addressedCompanion<T extends AddressCandidate>(
  text: string,
  speaker: { x: number; z: number; own: T | undefined },
  candidates: Iterable<T>,
): T | undefined {
  let best: { candidate: T; at: number; rank: number } | undefined;
  for (const candidate of candidates) {
    const at = vocativeIndex(text, candidate.name);
    if (at < 0) continue;
    const rank = candidate === speaker.own ? -1 : Math.hypot(candidate.x - speaker.x, candidate.z - speaker.z);
    if (!best || at < best.at || (at === best.at && rank < best.rank)) best = { candidate, at, rank };
  }
  return best?.candidate;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
