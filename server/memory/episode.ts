export type Visibility = "private" | "shared";

/** One turn or world event as it happened. */
export interface EpisodeInput {
  ownerId: string;
  companionId: string;
  text: string;
  /** Display name of who said or did it. */
  speaker?: string | undefined;
  happenedAt?: Date | undefined;
  visibility?: Visibility | undefined;
  world?: string | undefined;
  /** Point of interest or position within the world. */
  place?: string | undefined;
  /** 0..1; 0.5 when unknown. */
  importance?: number | undefined;
  /** Where it came from (a chat turn id, a dialogue id). */
  sourceTurn?: string | undefined;
}

export interface Episode {
  id: string;
  text: string;
  speaker: string | null;
  happenedAt: Date;
  visibility: Visibility;
  world: string | null;
  place: string | null;
  importance: number;
  sourceTurn: string | null;
}
