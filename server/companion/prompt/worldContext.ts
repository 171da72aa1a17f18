import { isKnownTimeZone } from "../../../shared/protocol";

/** Where the conversation happens, told to the model so it can talk about its surroundings. */
export interface WorldContext {
  worldName: string;
  /** Names of people (and companions) near the companion, not counting its owner. */
  nearby: string[];
  /** The owner's local time, already described (see describeLocalTime). */
  ownerLocalTime?: string;
}

export function describeWorld(world: WorldContext): string {
  const people = world.nearby.slice(0, 12).map((name) => name.replace(/[\p{C}]/gu, "").slice(0, 40));
  return [
    `You are in ${world.worldName.slice(0, 80)}.`,
    people.length > 0 ? `Near you: ${people.join(", ")}.` : "Nobody else is near you.",
    world.ownerLocalTime && `For your owner it is ${world.ownerLocalTime}.`,
  ]
    .filter(Boolean)
    .join(" ");
}

/**
 * "Sunday evening, 21:45" at the owner's clock. An unknown time zone falls back to UTC rather than
 * failing the reply.
 */
export function describeLocalTime(date: Date, timeZone: string): string {
  const parts = localClock(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(part("hour"));
  return `${part("weekday")} ${partOfDay(hour)}, ${part("hour")}:${part("minute")}`;
}

function partOfDay(hour: number): string {
  if (hour < 5) return "night";
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  if (hour < 22) return "evening";
  return "night";
}

/** Formatters by known time zone: building one costs a good part of a millisecond, on every reply. */
const clocks = new Map<string, Intl.DateTimeFormat>();

function localClock(timeZone: string): Intl.DateTimeFormat {
  const zone = clocks.has(timeZone) || isKnownTimeZone(timeZone) ? timeZone : "UTC";
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-GB", { timeZone: zone, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    clocks.set(zone, clock);
  }
  return clock;
}
