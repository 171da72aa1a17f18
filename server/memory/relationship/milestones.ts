import { localDate, wholeYearsBetween } from "../time/localCalendar";
import type { RelationshipState } from "./relationshipState";

export interface Milestone {
  /** Stable id, stored in the relationship so a milestone is reached once. */
  id: string;
  /** The memory it leaves, in the companion's words. */
  text: string;
}

/**
 * Milestones reached at `state` and not yet recorded: the first meeting, the first time the owner
 * shared something personal, the 10th conversation, and each anniversary of meeting, reached on
 * its date at the owner's clock (`timeZone`).
 */
export function milestonesDue(state: RelationshipState, at: Date, ownerName: string, timeZone = "UTC"): Milestone[] {
  const due: Milestone[] = [{ id: "first_meeting", text: `The day I first met ${ownerName}.` }];
  if (state.personalShares > 0) due.push({ id: "first_personal", text: `The first time ${ownerName} shared something personal with me.` });
  if (state.conversations >= 10) due.push({ id: "conversations_10", text: `Our 10th conversation, ${ownerName} and me.` });
  const years = wholeYearsBetween(localDate(state.firstMet, timeZone), localDate(at, timeZone));
  for (let year = 1; year <= years; year++) {
    due.push({ id: `anniversary_${year}`, text: `${year === 1 ? "One year" : `${year} years`} since ${ownerName} and I first met.` });
  }
  return due.filter((milestone) => !state.milestones.includes(milestone.id));
}
