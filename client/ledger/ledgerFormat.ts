/** Words for the ledger: when, where, which milestone. Pure, so they are tested without a browser. */

const DAY_MS = 86_400_000;

/** "today", "yesterday", "5 days ago", then a date: how a person says when something happened. */
export function whenLabel(iso: string, now: Date): string {
  const at = new Date(iso);
  // Calendar days in the viewer's time zone; rounding absorbs a daylight-saving hour.
  const days = Math.round((localMidnight(now) - localMidnight(at)) / DAY_MS);
  if (days <= 0) return "today";
  if (days === 1) return "yesterday";
  if (days < 7) return `${days} days ago`;
  return at.toLocaleDateString(undefined, { day: "numeric", month: "short", year: at.getFullYear() === now.getFullYear() ? undefined : "numeric" });
}

function localMidnight(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "the old oak, meadow", "in meadow", or "" when the memory has no place. */
export function whereLabel(world: string | null, place: string | null): string {
  if (place && world) return `${place}, ${world}`;
  return place ?? (world ? `in ${world}` : "");
}

/** A milestone id (first_meeting, conversations_10, anniversary_2…) in words. */
export function milestoneLabel(id: string): string {
  if (id === "first_meeting") return "First meeting";
  if (id === "first_personal") return "First time you shared something personal";
  const conversations = /^conversations_(\d+)$/.exec(id);
  if (conversations) return `${ordinal(Number(conversations[1]))} conversation`;
  const anniversary = /^anniversary_(\d+)$/.exec(id);
  if (anniversary) return Number(anniversary[1]) === 1 ? "One year since you met" : `${anniversary[1]} years since you met`;
  return id.replace(/_/g, " ");
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** 0..1 as a whole percentage for a bar's width and label. */
export function percent(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}
