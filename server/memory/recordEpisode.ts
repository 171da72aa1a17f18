import { randomUUID } from "node:crypto";
import type { Queryable } from "../storage";
import type { EpisodeInput } from "./episode";

/**
 * Stores one memory. An episode is linked with the episode recorded just before it for the same
 * owner and companion: each keeps the other's text as low-weight search context. Reflections and
 * milestones stand alone.
 */
export async function recordEpisode(db: Queryable, episode: EpisodeInput): Promise<{ id: string }> {
  const text = episode.text.trim();
  if (!text) throw new Error("an episode needs some text");
  const importance = episode.importance ?? 0.5;
  if (!(importance >= 0 && importance <= 1)) throw new Error(`importance must be within 0..1, got ${importance}`);
  const kind = episode.kind ?? "episode";
  const id = randomUUID();
  await db.query(
    `WITH previous AS (
       SELECT id, text FROM memories
       WHERE companion_id = $2 AND owner_id = $1 AND kind = 'episode' AND $12 = 'episode'
       ORDER BY seq DESC LIMIT 1
     ), linked AS (
       UPDATE memories SET after_text = $4 WHERE id = (SELECT id FROM previous)
     )
     INSERT INTO memories (id, owner_id, companion_id, kind, visibility, text, speaker, happened_at,
                           world, place, importance, source_turn, before_text,
                           participants, emotion, interrupted, speaker_id)
     VALUES ($3, $1, $2, $12, $5, $4, $6, $7, $8, $9, $10, $11, coalesce((SELECT text FROM previous), ''),
             $13, $14, $15, $16)`,
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
  return { id };
}
