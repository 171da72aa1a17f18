import { planDate } from "../time/planDates";
import type { FactCandidate } from "./fact";

/**
 * Facts about the owner found by patterns in what they said, with no model: where they live,
 * the people in their life, likes and dislikes, their birthday, plans with a date. English only;
 * a model (when present) extracts the rest.
 */

const RELATIONS =
  "sister|brother|mother|mom|mum|father|dad|wife|husband|partner|son|daughter|best friend|friend|boyfriend|girlfriend|grandmother|grandma|grandfather|grandpa|aunt|uncle|cousin|boss|cat|dog|puppy|kitten";
const NAME = "(\\p{Lu}[\\p{L}'’-]*(?: \\p{Lu}[\\p{L}'’-]*)?|[\\p{L}'’-]+)";
const REST = "([^.,!?;:]+)";
/** Words that end the clause a fact's value is taken from. */
const CLAUSE_END = /\s+(?:and|but|because|so|since|with|although|though|which|who|where|when|if|as|for|from)\b.*$/i;
const TRAILING_TIME = /\s+(?:now|these days|at the moment|nowadays|lately|a lot|so much|very much|too|anymore|any more|again)$/i;
/** Not tastes about the world: "I love you", "I like that". */
const NOT_A_TASTE = /^(?:you|it|that|this|them|him|her|when|how|what|the way|to think)\b/i;

interface Rule {
  pattern: RegExp;
  build: (match: RegExpExecArray, now: Date, timeZone: string) => FactCandidate | undefined;
}

const RULES: Rule[] = [
  {
    pattern: new RegExp(`\\bI(?:'ve| have)? (?:just |recently |finally )?(?:moved|relocated) to ${REST}`, "iu"),
    build: (m) => fact("place", "home", clause(m[1]), 0.9),
  },
  {
    pattern: new RegExp(`\\bI(?: now| still| currently)? live in ${REST}|\\bI(?:'m| am) (?:now |currently )?living in ${REST}`, "iu"),
    build: (m) => fact("place", "home", clause(m[1] ?? m[2]), 0.85),
  },
  {
    pattern: new RegExp(`\\bmy (${RELATIONS})(?:'s name is| is called| is named| named| called) ${NAME}`, "iu"),
    build: (m) => fact("person", m[1]!.toLowerCase(), personName(m[2]!), 0.9),
  },
  {
    pattern: new RegExp(`\\bI (?:really |truly |just |absolutely )?(?:hate|dislike|detest|can't stand|cannot stand|don't like|do not like) ${REST}`, "iu"),
    build: (m) => taste("dislike", m[1]),
  },
  {
    pattern: new RegExp(`\\bI (?:really |truly |just |absolutely )?(?:love|like|adore|enjoy) ${REST}`, "iu"),
    build: (m) => taste("like", m[1]),
  },
  {
    pattern: new RegExp(`\\bmy birthday is (?:on )?${REST}`, "iu"),
    build: (m) => fact("other", "birthday", clause(m[1]), 0.9),
  },
  {
    pattern: new RegExp(`\\bI work (as an?|at|for) ${REST}`, "iu"),
    build: (m) => fact("other", m[1]!.toLowerCase().startsWith("as") ? "job" : "workplace", clause(m[2]), 0.8),
  },
  {
    pattern: new RegExp(`\\b(?:I(?:'m| am)|we(?:'re| are)) (?:going|heading|travelling|traveling|flying|driving|off) to ${REST}`, "iu"),
    build: (m, now, timeZone) => plan(m[1]!, m[0], now, timeZone),
  },
  {
    pattern: new RegExp(`\\bI(?: have|'ve got| have got) (an? [^.,!?;:]+)`, "iu"),
    build: (m, now, timeZone) => plan(m[1]!, m[0], now, timeZone),
  },
];

/** What `text`, said by the owner, tells about them; `now` and `timeZone` date their plans. */
export function extractFactsByPattern(text: string, now: Date, timeZone: string): FactCandidate[] {
  const found: FactCandidate[] = [];
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    for (const rule of RULES) {
      const match = rule.pattern.exec(sentence);
      const candidate = match && rule.build(match, now, timeZone);
      if (candidate) found.push(candidate);
    }
  }
  return found;
}

function fact(kind: FactCandidate["kind"], subject: string, value: string | undefined, confidence: number): FactCandidate | undefined {
  const clean = value?.trim();
  return clean ? { kind, subject, value: clean, confidence } : undefined;
}

function taste(kind: "like" | "dislike", rest: string | undefined): FactCandidate | undefined {
  const value = clause(rest)?.replace(/^to /i, "");
  if (!value || NOT_A_TASTE.test(value)) return undefined;
  return fact(kind, value.toLowerCase(), value, 0.7);
}

/** A plan counts only with a date: "going to Lisbon next Friday", never "going to sleep". */
function plan(rest: string, said: string, now: Date, timeZone: string): FactCandidate | undefined {
  const date = planDate(rest, now, timeZone);
  if (!date) return undefined;
  const what = rest.split(/\s+(?:on|next|this|tomorrow|tonight|today|in|the day after)\b/i)[0]?.trim();
  if (!what) return undefined;
  return { kind: "plan", subject: what.toLowerCase(), value: said.replace(/^(?:I'm|I am|we're|we are|I have got|I've got|I have)\s+/i, "").trim(), confidence: 0.8, planDate: date };
}

/** "Maya Lopez" stays whole, "Maya and" is Maya: the pattern is case-blind, names are not. */
function personName(words: string): string {
  const [first, second] = words.split(" ");
  return second && /^\p{Lu}/u.test(second) ? `${first} ${second}` : first!;
}

/** The value part of a clause: up to its first connective, without trailing "now", at most six words. */
function clause(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let value = text.replace(CLAUSE_END, "").trim();
  while (TRAILING_TIME.test(value)) value = value.replace(TRAILING_TIME, "").trim();
  const words = value.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 6 ? words.join(" ") : undefined;
}
