import { daysBetween, localDate, MONTH_NAMES, safeTimeZone } from "./localCalendar";

/** When something happened, as the owner would say it today: "yesterday", "3 days ago", "on 8 May 2023". */
export function describeWhen(at: Date, now: Date, timeZone: string): string {
  const days = daysBetween(localDate(at, timeZone), localDate(now, timeZone));
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  const date = localDate(at, safeTimeZone(timeZone));
  const month = MONTH_NAMES[date.month]!;
  return `on ${date.day} ${month[0]!.toUpperCase()}${month.slice(1)} ${date.year}`;
}
