import type { PersonaBlueprint } from "../../../shared/persona";
import type { CardDataV2, CharacterCard } from "./cardSchema";

const NAME_MAX = 40;
const BACKSTORY_MAX = 2000;
const QUIRK_MAX = 120;
const QUIRKS_MAX = 8;

/** What a card sets in a blueprint; `quirks` only when the card's personality is a list of traits. */
export interface CardPersonaFields {
  name: string;
  backstory: string;
  quirks?: string[];
}

/**
 * The blueprint fields a card determines. Deterministic, so an export can tell whether the owner
 * edited them since the import (then the edit wins) or not (then the card's own text goes back).
 */
export function cardPersonaFields(data: Pick<CardDataV2, "name" | "description" | "scenario" | "personality">): CardPersonaFields {
  const name = clip(data.name.replace(/\s+/g, " ").trim(), NAME_MAX);
  const withNames = (text: string) =>
    text
      .replace(/\{\{char\}\}|<bot>/gi, name)
      .replace(/\{\{user\}\}|<user>/gi, "your owner")
      .trim();
  const backstory = clip([data.description, data.scenario].map(withNames).filter(Boolean).join("\n\n"), BACKSTORY_MAX);
  return { name, backstory, quirks: traitList(withNames(data.personality)) };
}

/**
 * `base` with what the card sets, and the card itself kept whole (every field, extensions
 * included) for export. The rest of the blueprint (looks, traits, voice…) has no counterpart in
 * cards and stays as the owner had it.
 */
export function personaFromCard(card: CharacterCard, base: PersonaBlueprint): Omit<PersonaBlueprint, "version"> {
  const { version: _renumberedByTheService, ...rest } = base;
  const fields = cardPersonaFields(card.data);
  return {
    ...rest,
    name: fields.name,
    backstory: fields.backstory,
    speakingStyle: { ...base.speakingStyle, quirks: fields.quirks ?? base.speakingStyle.quirks },
    card: { spec: card.spec, data: card.data },
  };
}

/** "shy, loves tea; hums" → three quirks; prose (a long sentence) is no list and gives none. */
function traitList(personality: string): string[] | undefined {
  const items = personality
    .split(/[,;\n]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0 || items.some((item) => item.length > QUIRK_MAX)) return undefined;
  return [...new Set(items)].slice(0, QUIRKS_MAX);
}

/** At most `max` characters, cut at a word where one is near, trimmed as the blueprint stores it. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = "";
  // By code point, so a cut never splits a surrogate pair; counted in UTF-16 units as zod counts.
  for (const char of text) {
    if (cut.length + char.length > max - 1) break;
    cut += char;
  }
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > max * 0.8 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
