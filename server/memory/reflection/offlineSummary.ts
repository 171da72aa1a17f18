/** One line of a session, for summarising. */
export interface SessionLine {
  speaker: string;
  text: string;
  importance: number;
}

const MAX_POINTS = 4;
const MAX_WORDS_PER_POINT = 14;

/**
 * A session summary with no model: the most important lines, in the order they were said, each
 * cut to its first clause. Deterministic, so memory works the same offline every time.
 */
export function summariseOffline(lines: readonly SessionLine[], place: string): string | undefined {
  const spoken = lines.filter((line) => line.text.trim());
  if (spoken.length === 0) return undefined;
  const chosen = spoken
    .map((line, index) => ({ line, index }))
    .sort((a, b) => b.line.importance - a.line.importance || b.line.text.length - a.line.text.length || a.index - b.index)
    .slice(0, MAX_POINTS)
    .sort((a, b) => a.index - b.index)
    .map(({ line }) => (line.speaker ? `${line.speaker}: ${keyPhrase(line.text)}` : keyPhrase(line.text)));
  return `Talked ${place} (${spoken.length} lines). Key points: ${chosen.join("; ")}.`;
}

function keyPhrase(text: string): string {
  const clause = text.trim().split(/(?<=[.!?])\s+/)[0]!.replace(/[.!?]+$/, "");
  const words = clause.split(/\s+/);
  return words.length > MAX_WORDS_PER_POINT ? `${words.slice(0, MAX_WORDS_PER_POINT).join(" ")}…` : clause;
}
