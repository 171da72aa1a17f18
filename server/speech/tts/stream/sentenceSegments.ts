/**
 * Sentence boundaries by the Unicode rules (UAX #29, ICU through Intl.Segmenter: no dependency,
 * so a voice worker loads nothing native). The speech layer may not import the companion's own
 * splitter (dependencies point from companion to speech), and the companion's voice already pushes
 * whole sentences it split: this only splits what arrives in larger pieces.
 */
const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

/** Text that ends a sentence and the whitespace after it: "fine. ", "really?!\" ". */
const ENDS_WITH_SENTENCE = /[.!?…。！？]["'”’)\]」』]*\s+$/u;
/**
 * An initial or a title before the full stop ("J. ", "Dr. ", "Mrs. ": a capital and up to three
 * consonants): ICU ends a sentence there, where one rarely ends.
 */
const LIKELY_ABBREVIATION = /(?:^|\s)(?:\p{Lu}|[A-Z][b-df-hj-np-tv-z]{1,3})\.\s*$/u;

export interface SentenceCut {
  /** Complete sentences, trimmed. */
  sentences: string[];
  /** The unfinished rest, to be continued by later text. */
  rest: string;
}

/**
 * The complete sentences at the start of `text`. The last one counts as complete when the text
 * ends with its end mark and whitespace (the way whole sentences are pushed) or when `final`.
 */
export function cutSentences(text: string, final: boolean): SentenceCut {
  const segments = Array.from(segmenter.segment(text), (segment) => segment.segment);
  const complete = final || ENDS_WITH_SENTENCE.test(text) ? segments.length : segments.length - 1;
  const sentences: string[] = [];
  let carried = "";
  for (let i = 0; i < complete; i++) {
    const segment = segments[i]!;
    carried += segment;
    // An abbreviation joins what follows; at the very end nothing follows, so it is spoken.
    if (LIKELY_ABBREVIATION.test(segment) && i < segments.length - 1) continue;
    if (carried.trim()) sentences.push(carried.trim());
    carried = "";
  }
  return { sentences, rest: carried + segments.slice(complete).join("") };
}
