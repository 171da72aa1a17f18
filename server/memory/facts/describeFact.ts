import type { FactKind } from "./fact";

interface Describable {
  kind: FactKind;
  subject: string;
  value: string;
  planDate?: string | undefined;
  previousValue?: string | null | undefined;
}

/** A fact as one sentence for the companion's prompt, about "your owner". */
export function describeFact(fact: Describable): string {
  switch (fact.kind) {
    case "like":
      return `Your owner likes ${fact.value}.`;
    case "dislike":
      return `Your owner dislikes ${fact.value}.`;
    case "person":
      return `Your owner's ${fact.subject} is called ${fact.value}.`;
    case "place":
      if (fact.subject === "home") {
        return `Your owner lives in ${fact.value}${fact.previousValue ? ` (moved there from ${fact.previousValue})` : ""}.`;
      }
      return `Your owner's ${fact.subject}: ${fact.value}.`;
    case "plan":
      return `Your owner's plan${fact.planDate ? ` for ${fact.planDate}` : ""}: ${fact.value}.`;
    case "other":
      return `Your owner's ${fact.subject}: ${fact.value}${fact.previousValue ? ` (before: ${fact.previousValue})` : ""}.`;
  }
}
