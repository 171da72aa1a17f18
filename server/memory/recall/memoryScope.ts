/** Whose memories, and who is asking: privacy is decided by the asker. */
export interface MemoryScope {
  ownerId: string;
  companionId: string;
  /** False when anyone but the owner is speaking: then private memories are never returned. */
  speakerIsOwner: boolean;
  /** The speaker's user id: someone other than the owner may still recall their own words. */
  speakerId?: string | undefined;
}
