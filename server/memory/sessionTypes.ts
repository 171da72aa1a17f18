/** What a memory session takes and gives: its options, the lines it hears and the memories it recalls. */

export interface MemorySessionOptions {
  ownerId: string;
  ownerName: string;
  companionId: string;
  /** Read when needed: the owner may rename their companion. */
  companionName: () => string;
  /** World id, and its name for memories' text. */
  world: string;
  worldName: string;
  /** Where the companion stands now (a point of interest or a position). */
  place: () => string | undefined;
  /** The owner's time zone; UTC when unknown. */
  timeZone?: string | undefined;
  /** The world the owner came from through a portal, when they did. */
  arrivedFrom?: string | undefined;
}

/** A line heard: the source turn it is stored under, and when it is safely stored. */
export interface HeardLine {
  sourceTurn: string;
  stored: Promise<void>;
}

/** Who said a line (the companion's Speaker, structurally). */
export interface LineSpeaker {
  name: string;
  isOwner: boolean;
  id?: string | undefined;
}

export interface CompanionReply {
  text: string;
  interrupted: boolean;
  emotion?: string | undefined;
  /** Gestures made while saying it (wave, nod, point:the fountain). */
  actions: readonly string[];
  /** Whom it answered. */
  to: LineSpeaker;
}

/** A memory as the companion's prompt takes it (the mind's RecalledMemory, structurally). */
export interface PromptMemory {
  text: string;
  when?: string;
}
