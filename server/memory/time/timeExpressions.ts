import { addDays, localDate, MONTH_NAMES, startOfLocalDay, WEEKDAY_NAMES, type LocalDate } from "./localCalendar";
import { SPOKEN_COUNT, spokenCount } from "./spokenNumbers";

/** A span of time a question points at ("yesterday", "in May"), at the owner's clock. */
export interface TimeRange {
  from: Date;
  /** Exclusive. */
  to: Date;
  /** The words that named it. */
  phrase: string;
}

type Day = Pick<LocalDate, "year" | "month" | "day">;
type Resolver = (match: RegExpExecArray, today: LocalDate) => [Day, Day] | undefined;

const MONTHS = MONTH_NAMES.join("|");
const WEEKDAYS = WEEKDAY_NAMES.join("|");
const UNIT = "(day|week|month|year)s?";

/** Most specific first: "the day before yesterday" before "yesterday". */
const RULES: [RegExp, Resolver][] = [
  [/\bthe day before yesterday\b/, (_, today) => day(addDays(today, -2))],
  [/\b(?:yesterday|last night)\b/, (_, today) => day(addDays(today, -1))],
  [/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/, (_, today) => day(today)],
  [new RegExp(`\\b(${SPOKEN_COUNT}) ${UNIT} ago\\b`), (m, today) => ago(spokenCount(m[1]!), m[2] as Unit, today)],
  [/\b(last|this) week\b/, (m, today) => week(today, m[1] === "last" ? -1 : 0)],
  [/\b(?:last|this|over the|at the) weekend\b/, (m, today) => weekend(today, m[0].startsWith("last") ? -1 : 0)],
  [/\b(last|this) month\b/, (m, today) => month(today.year, today.month + (m[1] === "last" ? -1 : 0))],
  [/\b(last|this) year\b/, (m, today) => year(today.year + (m[1] === "last" ? -1 : 0))],
  [new RegExp(`\\b(?:in|during|last) (${MONTHS})(?:,? (\\d{4}))?\\b`), (m, today) => namedMonth(MONTH_NAMES.indexOf(m[1]!), m[2], today)],
  [new RegExp(`\\b(?:on|last) (${WEEKDAYS})\\b`), (m, today) => lastWeekday(WEEKDAY_NAMES.indexOf(m[1]!), today)],
  [/\b(?:in|during) (\d{4})\b/, (m) => year(Number(m[1]))],
];

/**
 * The first time expression in `text`, as a range of instants at the owner's clock; undefined
 * when the text names no time. Only the past: recall looks back.
 */
export function parseTimeExpression(text: string, now: Date, timeZone: string): TimeRange | undefined {
  const lower = text.toLowerCase();
  const today = localDate(now, timeZone);
  for (const [pattern, resolve] of RULES) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const span = resolve(match, today);
    if (!span) continue;
    return { from: startOfLocalDay(span[0], timeZone), to: startOfLocalDay(span[1], timeZone), phrase: match[0] };
  }
  return undefined;
}

type Unit = "day" | "week" | "month" | "year";

function day(date: Day): [Day, Day] {
  return [date, addDays(date, 1)];
}

/** "Three days ago" is rarely exact: a day either side from two days on. */
function ago(count: number, unit: Unit, today: LocalDate): [Day, Day] {
  switch (unit) {
    case "day": {
      const slack = count >= 2 ? 1 : 0;
      return [addDays(today, -count - slack), addDays(today, -count + 1 + slack)];
    }
    case "week":
      return [addDays(today, -7 * count - 3), addDays(today, -7 * count + 4)];
    case "month":
      return month(today.year, today.month - count);
    case "year":
      return year(today.year - count);
  }
}

/** Weeks start on Monday. */
function week(today: LocalDate, offset: number): [Day, Day] {
  const monday = addDays(today, -((today.weekday + 6) % 7) + 7 * offset);
  return [monday, addDays(monday, 7)];
}

/** The weekend under way or just past (offset 0), or the one before it (-1). */
function weekend(today: LocalDate, offset: number): [Day, Day] {
  const sinceSaturday = (today.weekday + 1) % 7;
  const saturday = addDays(today, -sinceSaturday + (sinceSaturday < 2 ? 7 * offset : 0));
  return [saturday, addDays(saturday, 2)];
}

function month(yearValue: number, monthIndex: number): [Day, Day] {
  const first = new Date(Date.UTC(yearValue, monthIndex, 1));
  const start = { year: first.getUTCFullYear(), month: first.getUTCMonth(), day: 1 };
  const next = new Date(Date.UTC(start.year, start.month + 1, 1));
  return [start, { year: next.getUTCFullYear(), month: next.getUTCMonth(), day: 1 }];
}

function year(value: number): [Day, Day] {
  return [{ year: value, month: 0, day: 1 }, { year: value + 1, month: 0, day: 1 }];
}

/** "In May" without a year: the latest May that has begun. */
function namedMonth(monthIndex: number, yearText: string | undefined, today: LocalDate): [Day, Day] {
  const yearValue = yearText ? Number(yearText) : monthIndex <= today.month ? today.year : today.year - 1;
  return month(yearValue, monthIndex);
}

/** "On Tuesday": the latest Tuesday before today. */
function lastWeekday(weekday: number, today: LocalDate): [Day, Day] {
  const back = (today.weekday - weekday + 7) % 7 || 7;
  return day(addDays(today, -back));
}
