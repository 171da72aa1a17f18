import { randomUUID } from "node:crypto";
import type { Queryable } from "../storage";
import type { EpisodeInput } from "./episode";

export interface StoredEpisode {
  id: string;
  /** The episode recorded just before it (same owner and companion), which still takes this one's text (see linkFollowing). */
  previousId: string | undefined;
}

/**
 * Stores one memory. An episode is linked with the episode recorded just before it for the same
 * owner and companion: each keeps the other's text as low-weight search context. Reflections and
 * milestones stand alone.
 */
export async function recordEpisode(db: Queryable, episode: EpisodeInput): Promise<{ id: string }> {
  const { id, previousId } = await storeEpisode(db, episode);
  if (previousId) await linkFollowing(db, previousId, id);
  return { id };
}

/**
 * The first half of recordEpisode: the episode, stored with its predecessor's text. Giving the
 * predecessor the new text rewrites a second row (and its word counts): about half the cost of a
 * line, which a line waiting for its acknowledgement need not pay (see linkFollowing).
 */
export async function storeEpisode(db: Queryable, episode: EpisodeInput): Promise<StoredEpisode> {
  const text = episode.text.trim();
  if (!text) throw new Error("an episode needs some text");
  const importance = episode.importance ?? 0.5;
  if (!(importance >= 0 && importance <= 1)) throw new Error(`importance must be within 0..1, got ${importance}`);
  const kind = episode.kind ?? "episode";
  const id = randomUUID();
  const [row] = await db.query<{ previous_id: string | null }>(
    `WITH previous AS (
       SELECT id, text FROM memories
       WHERE companion_id = $2 AND owner_id = $1 AND kind = 'episode' AND $12 = 'episode'
       ORDER BY seq DESC LIMIT 1
     )
     INSERT INTO memories (id, owner_id, companion_id, kind, visibility, text, speaker, happened_at,
                           world, place, importance, source_turn, before_text,
                           participants, emotion, interrupted, speaker_id)
     VALUES ($3, $1, $2, $12, $5, $4, $6, $7, $8, $9, $10, $11, coalesce((SELECT text FROM previous), ''),
             $13, $14, $15, $16)
     RETURNING (SELECT id FROM previous) AS previous_id`,
    [
      episode.ownerId,
      episode.companionId,
      id,
      text,
      episode.visibility ?? "private",
      episode.speaker ?? null,
      (episode.happenedAt ?? new Date()).toISOString(),
      episode.world ?? null,
      episode.place ?? null,
      importance,
      episode.sourceTurn ?? null,
      kind,
      [...(episode.participants ?? [])],
      episode.emotion ?? null,
      episode.interrupted ?? false,
      episode.speakerId ?? null,
    ],
  );
  return { id, previousId: row?.previous_id ?? undefined };
}

/**
 * The episode `id` takes the text of `followerId`, the episode stored just after it, as its
 * after-context. The follower's text is read now, not when it was stored: one edited in between
 * is linked as it reads now, and one deleted in between is not linked at all (its deletion
 * relinked its neighbours, see episodeContext).
 */
export async function linkFollowing(db: Queryable, id: string, followerId: string): Promise<void> {
  await db.query(
    `UPDATE memories p SET after_text = n.text FROM memories n
     WHERE p.id = $1 AND n.id = $2 AND p.after_text IS DISTINCT FROM n.text`,
    [id, followerId],
  );
}
