import { isKnownTimeZone } from "../../../shared/protocol";

/**
 * Calendar days at the owner's clock. "Yesterday" starts at the owner's midnight, not UTC's, so
 * days are computed in their time zone (an unknown zone falls back to UTC rather than failing).
 */

export interface LocalDate {
  year: number;
  /** 0-11 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export function safeTimeZone(timeZone: string | undefined): string {
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : "UTC";
}

/** The owner's calendar date at instant `at`. */
export function localDate(at: Date, timeZone: string): LocalDate {
  const parts = formatIn(dateFormats, timeZone, { year: "numeric", month: "numeric", day: "numeric", weekday: "short" }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: Number(part("year")), month: Number(part("month")) - 1, day: Number(part("day")), weekday: WEEKDAYS.indexOf(part("weekday")) };
}

/** The instant the owner's day `date` begins (their local midnight). */
export function startOfLocalDay(date: Pick<LocalDate, "year" | "month" | "day">, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month, date.day);
  // The zone's offset (how far its wall clock is ahead of UTC) at that UTC midnight, then again at
  // the local midnight it gives: the two differ when the clocks change in between (Auckland's
  // 3 a.m. change lies between its midnight and UTC's).
  const offsetAt = (instant: number) => localWallClock(new Date(instant), timeZone) - instant;
  return new Date(guess - offsetAt(guess - offsetAt(guess)));
}

/** The owner's date `days` after `date` (negative: before), months and years rolling over. */
export function addDays(date: Pick<LocalDate, "year" | "month" | "day">, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth(), day: moved.getUTCDate(), weekday: moved.getUTCDay() };
}

/** Whole calendar years from `from` to `to`: a year is complete on its date (29 February's on 1 March), not after 365.25 days. */
export function wholeYearsBetween(from: Pick<LocalDate, "year" | "month" | "day">, to: Pick<LocalDate, "year" | "month" | "day">): number {
  const beforeDate = to.month < from.month || (to.month === from.month && to.day < from.day);
  return to.year - from.year - (beforeDate ? 1 : 0);
}

/** Whole days from `from` to `to` on the calendar (not 24-hour periods). */
export function daysBetween(from: Pick<LocalDate, "year" | "month" | "day">, to: Pick<LocalDate, "year" | "month" | "day">): number {
  return Math.round((Date.UTC(to.year, to.month, to.day) - Date.UTC(from.year, from.month, from.day)) / 86_400_000);
}

function localWallClock(at: Date, timeZone: string): number {
  const parts = formatIn(wallClockFormats, timeZone, {
    year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * Formatters are kept per zone: building one costs a good part of a millisecond, and one recall
 * dates every memory it returns (on the reply's path). An unknown zone is UTC's.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function formatIn(formats: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zone = formats.has(timeZone) ? timeZone : safeTimeZone(timeZone);
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { ...options, timeZone: zone });
    formats.set(zone, format);
  }
  return format;
}

export const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
