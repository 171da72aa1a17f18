import { addDays, localDate, MONTH_NAMES, WEEKDAY_NAMES, type LocalDate } from "./localCalendar";
import { SPOKEN_COUNT, spokenCount } from "./spokenNumbers";

type Day = Pick<LocalDate, "year" | "month" | "day">;
type Resolver = (match: RegExpExecArray, today: LocalDate) => Day | undefined;

const MONTHS = MONTH_NAMES.join("|");
const WEEKDAYS = WEEKDAY_NAMES.join("|");

/** Most specific first: "the day after tomorrow" before "tomorrow". */
const RULES: [RegExp, Resolver][] = [
  [/\bthe day after tomorrow\b/, (_, today) => addDays(today, 2)],
  [/\btomorrow\b/, (_, today) => addDays(today, 1)],
  [/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/, (_, today) => today],
  [new RegExp(`\\bin (${SPOKEN_COUNT}) (day|week)s?\\b`), (m, today) => addDays(today, spokenCount(m[1]!) * (m[2] === "week" ? 7 : 1))],
  [/\b(this|next) weekend\b/, (m, today) => weekend(m[1] === "next", today)],
  [new RegExp(`\\b(?:on|this|next|coming) (${WEEKDAYS})\\b`), (m, today) => nextWeekday(WEEKDAY_NAMES.indexOf(m[1]!), today, false)],
  [/\bnext week\b/, (_, today) => addDays(today, 7 - ((today.weekday + 6) % 7))],
  [/\bnext month\b/, (_, today) => ({ year: today.month === 11 ? today.year + 1 : today.year, month: (today.month + 1) % 12, day: 1 })],
  [new RegExp(`\\b(?:on )?(?:the )?(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTHS})\\b`), (m, today) => nextDate(MONTH_NAMES.indexOf(m[2]!), Number(m[1]), today)],
  [new RegExp(`\\b(?:on )?(${MONTHS}) (\\d{1,2})(?:st|nd|rd|th)?\\b`), (m, today) => nextDate(MONTH_NAMES.indexOf(m[1]!), Number(m[2]), today)],
  [new RegExp(`\\bin (${MONTHS})\\b`), (m, today) => nextDate(MONTH_NAMES.indexOf(m[1]!), 1, today)],
];

/**
 * The date a plan names ("on Friday", "next week", "on 3 May"), at the owner's clock, as
 * YYYY-MM-DD; undefined when it names none. Always today or later: plans look ahead.
 */
export function planDate(text: string, now: Date, timeZone: string): string | undefined {
  const lower = text.toLowerCase();
  const today = localDate(now, timeZone);
  for (const [pattern, resolve] of RULES) {
    const match = pattern.exec(lower);
    const date = match && resolve(match, today);
    if (date) return `${date.year}-${pad(date.month + 1)}-${pad(date.day)}`;
  }
  return undefined;
}

/** "This weekend" on a Saturday or Sunday is now; otherwise the coming Saturday. */
function weekend(next: boolean, today: LocalDate): Day {
  const during = today.weekday === 6 || today.weekday === 0;
  if (during && !next) return today;
  return nextWeekday(6, today, next && today.weekday === 6);
}

/** The next `weekday` after today (a week on when `skipOne`). */
function nextWeekday(weekday: number, today: LocalDate, skipOne: boolean): Day {
  const ahead = (weekday - today.weekday + 7) % 7 || 7;
  return addDays(today, ahead + (skipOne ? 7 : 0));
}

/** The next time the calendar shows this month and day (this year, or next year once past). */
function nextDate(month: number, day: number, today: LocalDate): Day | undefined {
  if (day < 1 || day > 31) return undefined;
  const thisYear = new Date(Date.UTC(today.year, month, day));
  if (thisYear.getUTCMonth() !== month) return undefined;
  const past = month < today.month || (month === today.month && day < today.day);
  return { year: today.year + (past ? 1 : 0), month, day };
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
