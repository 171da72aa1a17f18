import type { Queryable } from "../../storage";
import { milestonesDue, type Milestone } from "./milestones";
import { decay, describeRelationship, moveMood, newRelationship, step, type Interaction, type RelationshipState } from "./relationshipState";
import { loadRelationship, saveRelationship, type RelationshipScope } from "./relationshipStore";

/**
 * One owner's relationship with their companion while they are together: read once when they
 * meet, moved by every interaction in memory (so the prompt reads it without waiting), and
 * written back by the caller's background queue. Milestones come out as they are reached.
 */
export class RelationshipTracker {
  private constructor(
    private current: RelationshipState,
    private readonly ownerName: string,
    /** The owner's time zone: anniversaries come on their date there. */
    private readonly timeZone: string,
  ) {}

  /** The stored relationship (a new one on first meeting) and the milestones reached by meeting now. */
  static async open(db: Queryable, scope: RelationshipScope, ownerName: string, at: Date, timeZone = "UTC"): Promise<{ tracker: RelationshipTracker; milestones: Milestone[] }> {
    const stored = await loadRelationship(db, scope);
    const tracker = new RelationshipTracker(stored ? decay(stored, at) : newRelationship(at), ownerName, timeZone);
    return { tracker, milestones: tracker.collectMilestones(at) };
  }

  get state(): RelationshipState {
    return this.current;
  }

  /** Moves the relationship by one interaction; returns the milestones it reached. */
  interact(interaction: Interaction): Milestone[] {
    this.current = step(this.current, interaction);
    return this.collectMilestones(interaction.at);
  }

  /** A moment of the conversation felt like `emotion` (the companion's reply, say). */
  feel(emotion: string | undefined, at: Date): void {
    this.current = moveMood(this.current, emotion, at);
  }

  describe(at: Date): string {
    return describeRelationship(decay(this.current, at), at);
  }

  save(db: Queryable, scope: RelationshipScope): Promise<void> {
    return saveRelationship(db, scope, this.current);
  }

  private collectMilestones(at: Date): Milestone[] {
    const due = milestonesDue(this.current, at, this.ownerName, this.timeZone);
    if (due.length > 0) this.current = { ...this.current, milestones: [...this.current.milestones, ...due.map((m) => m.id)] };
    return due;
  }
}
