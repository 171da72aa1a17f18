import { type Action, type Emotion, EMOTIONS } from "../../../shared/persona";

/**
 * What a bracketed word in the model's reply means. Models paraphrase the tags they were taught
 * ("[joy]", "[waves]"), so common synonyms map onto the shared vocabulary; anything else stays text.
 */

const EMOTION_SYNONYMS: Record<string, Emotion> = {
  ...Object.fromEntries(EMOTIONS.map((emotion) => [emotion, emotion])),
  joy: "happy", joyful: "happy", glad: "happy", cheerful: "happy", excited: "happy", delighted: "happy", smile: "happy", smiling: "happy", laugh: "happy", laughs: "happy", laughing: "happy",
  upset: "sad", unhappy: "sad", sorrow: "sad", sorry: "sad", down: "sad", crying: "sad", disappointed: "sad",
  mad: "angry", annoyed: "angry", furious: "angry", irritated: "angry", frustrated: "angry", angered: "angry",
  shocked: "surprised", wow: "surprised", surprise: "surprised", amazed: "surprised", astonished: "surprised", gasp: "surprised",
  calm: "relaxed", content: "relaxed", peaceful: "relaxed", relieved: "relaxed", serene: "relaxed", sigh: "relaxed",
  neutral: "neutral", thoughtful: "neutral", thinking: "neutral",
};

const ACTION_SYNONYMS: Record<string, Action["name"]> = {
  wave: "wave", waves: "wave", waving: "wave",
  nod: "nod", nods: "nod", nodding: "nod",
  shake: "shake", shakes: "shake", "shake head": "shake", "shakes head": "shake", "head shake": "shake",
  point: "point", points: "point", "point at": "point", "points at": "point", "point to": "point", "points to": "point",
};

export type Tag = { type: "emotion"; emotion: Emotion } | { type: "action"; action: Action };

/** Tags longer than this are not tags: the parser stops waiting for their `]`. */
export const MAX_TAG_LENGTH = 48;

/** The meaning of a tag's inner text (between the brackets), or undefined for ordinary text. */
export function interpretTag(inner: string): Tag | undefined {
  const colon = inner.indexOf(":");
  const name = normalise(colon === -1 ? inner : inner.slice(0, colon));
  const argument = colon === -1 ? "" : inner.slice(colon + 1).trim().replace(/\s+/g, " ");
  const emotion = EMOTION_SYNONYMS[name];
  if (emotion && colon === -1) return { type: "emotion", emotion };
  const action = ACTION_SYNONYMS[name];
  if (!action) return undefined;
  if (action === "point") return { type: "action", action: argument ? { name: "point", target: argument } : { name: "point" } };
  // Only `point` takes an argument; "[nod: maybe]" is not a tag.
  return colon === -1 ? { type: "action", action: { name: action } } : undefined;
}

/** Whether `partial` (inner text so far, no closing bracket yet) could still become a known tag. */
export function couldBecomeTag(partial: string): boolean {
  const colon = partial.indexOf(":");
  if (colon !== -1) return ACTION_SYNONYMS[normalise(partial.slice(0, colon))] === "point";
  const name = normalise(partial);
  return KNOWN_NAMES.some((known) => known.startsWith(name));
}

const KNOWN_NAMES = [...Object.keys(EMOTION_SYNONYMS), ...Object.keys(ACTION_SYNONYMS)];

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, " ");
}
