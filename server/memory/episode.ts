import type { MemoryKind, Visibility } from "../../shared/memory";

export type { MemoryKind, Visibility };

/** One turn or world event as it happened. */
export interface EpisodeInput {
  ownerId: string;
  companionId: string;
  text: string;
  /** Episode unless said otherwise; only episodes are linked to their neighbours. */
  kind?: MemoryKind | undefined;
  /** Display name of who said or did it. */
  speaker?: string | undefined;
  /** The user id of the person who said it, when a person did. */
  speakerId?: string | undefined;
  /** Display names of everyone taking part. */
  participants?: readonly string[] | undefined;
  /** How it felt (an emotion name), when known. */
  emotion?: string | undefined;
  /** A reply cut off before its end. */
  interrupted?: boolean | undefined;
  happenedAt?: Date | undefined;
  visibility?: Visibility | undefined;
  world?: string | undefined;
  /** Point of interest or position within the world. */
  place?: string | undefined;
  /** 0..1; 0.5 when unknown. */
  importance?: number | undefined;
  /** Where it came from (a chat turn id, a dialogue id, the episodes a reflection summarises). */
  sourceTurn?: string | undefined;
}

export interface Episode {
  id: string;
  kind: MemoryKind;
  text: string;
  speaker: string | null;
  happenedAt: Date;
  visibility: Visibility;
  world: string | null;
  place: string | null;
  importance: number;
  sourceTurn: string | null;
}
