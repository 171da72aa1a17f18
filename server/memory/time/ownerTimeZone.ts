import type { Logger } from "../../logging";
import type { Queryable } from "../../storage";
import type { BackgroundQueue } from "../backgroundQueue";
import { isKnownTimeZone } from "../../../shared/protocol";

/**
 * The time zone memory counts an owner's days in. Their client tells it when joining; it is kept
 * on their user row (migration 009) so a session whose client did not say, and the work done for
 * it in the background (summaries, anniversaries), still runs at their clock. Undefined when never
 * told: memory then counts in UTC.
 */
export async function ownerTimeZone(db: Queryable, writes: BackgroundQueue, log: Logger, ownerId: string, told: string | undefined): Promise<string | undefined> {
  if (told) {
    // Nothing waits on it: the zone told is used at once, and remembered for next time.
    writes.push("remember the owner's time zone", () => rememberTimeZone(db, ownerId, told));
    return told;
  }
  try {
    return await lastKnownTimeZone(db, ownerId);
  } catch (error) {
    // Days counted in UTC for this session are better than no companion at all.
    log.error({ err: error, ownerId }, "could not read the owner's time zone; counting days in UTC");
    return undefined;
  }
}

export async function lastKnownTimeZone(db: Queryable, ownerId: string): Promise<string | undefined> {
  const [row] = await db.query<{ time_zone: string | null }>("SELECT time_zone FROM users WHERE id = $1", [ownerId]);
  // A zone this server's Intl no longer knows (a database moved between versions) counts as none.
  return row?.time_zone && isKnownTimeZone(row.time_zone) ? row.time_zone : undefined;
}

async function rememberTimeZone(db: Queryable, ownerId: string, timeZone: string): Promise<void> {
  await db.query("UPDATE users SET time_zone = $2 WHERE id = $1 AND time_zone IS DISTINCT FROM $2", [ownerId, timeZone]);
}
