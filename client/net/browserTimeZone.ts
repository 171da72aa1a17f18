import { isKnownTimeZone, TIME_ZONE_MAX_LENGTH } from "../../shared/protocol";

/**
 * This browser's IANA time zone, sent when joining so the companion counts days at the player's
 * clock. None when the browser cannot tell (some report "Etc/Unknown"): the server then keeps the
 * zone it last knew for this player, and a join is never refused for a zone the player did not choose.
 */
export function browserTimeZone(): string | undefined {
  const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && zone.length <= TIME_ZONE_MAX_LENGTH && isKnownTimeZone(zone) ? zone : undefined;
}
