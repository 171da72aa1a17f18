import type { PersonaBlueprint } from "../../../shared/persona";
import { CardDataV3, CardV2, CardV3, V3_ONLY_KEYS, type CardSpec, type CharacterCard } from "./cardSchema";
import { V2_CHUNK, V3_CHUNK } from "./parseCard";
import { cardPersonaFields } from "./personaFromCard";
import { textChunk, writePng } from "./pngChunks";
import { portraitChunks } from "./portraitImage";

export type CardFormat = "v2" | "v3";

export interface CardExportOptions {
  format: CardFormat;
  as: "json" | "png";
}

export interface ExportedCard {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: "application/json" | "image/png";
  fileExtension: "json" | "png";
}

/**
 * The persona as a Character Card file. A PNG carries the card in a `chara` tEXt chunk (V2) and,
 * for V3, also in `ccv3` with a V2 copy in `chara` so older readers still find it.
 */
export function exportCard(persona: PersonaBlueprint, { format, as }: CardExportOptions): ExportedCard {
  if (as === "json") {
    return { bytes: new TextEncoder().encode(JSON.stringify(cardFromPersona(persona, format))), contentType: "application/json", fileExtension: "json" };
  }
  const [header, ...image] = portraitChunks(persona.name);
  const texts = [textChunk(V2_CHUNK, base64(cardFromPersona(persona, "v2")))];
  if (format === "v3") texts.push(textChunk(V3_CHUNK, base64(cardFromPersona(persona, "v3"))));
  return { bytes: writePng([header!, ...texts, ...image, { type: "IEND", data: new Uint8Array() }]), contentType: "image/png", fileExtension: "png" };
}

/**
 * The card of a persona: the card it was imported from with every field as it came, except the
 * ones the owner has edited since in the blueprint; a card built from the blueprint otherwise.
 */
export function cardFromPersona(persona: PersonaBlueprint, format: CardFormat): CharacterCard {
  const kept = persona.card && CardDataV3.safeParse(persona.card.data);
  const data: Record<string, unknown> = kept?.success ? withEdits(kept.data, persona) : freshData(persona);
  if (format === "v2") {
    for (const key of V3_ONLY_KEYS) delete data[key];
    return CardV2.parse({ spec: "chara_card_v2" satisfies CardSpec, spec_version: "2.0", data });
  }
  return CardV3.parse({ spec: "chara_card_v3" satisfies CardSpec, spec_version: "3.0", data });
}

function withEdits(card: CardDataV3, persona: PersonaBlueprint): Record<string, unknown> {
  const imported = cardPersonaFields(card);
  const data: Record<string, unknown> = { ...card };
  const quirks = persona.speakingStyle.quirks;
  let edited = false;
  if (persona.name !== imported.name) {
    data.name = persona.name;
    edited = true;
  }
  if (persona.backstory !== imported.backstory) {
    // The backstory was description and scenario together; an edited one cannot be split again.
    data.description = persona.backstory;
    data.scenario = "";
    edited = true;
  }
  if (imported.quirks && imported.quirks.join("\n") !== quirks.join("\n")) {
    data.personality = quirks.join(", ");
    edited = true;
  }
  if (edited && persona.card?.spec === "chara_card_v3") data.modification_date = unixNow();
  return data;
}

function freshData(persona: PersonaBlueprint): Record<string, unknown> {
  const now = unixNow();
  return {
    name: persona.name,
    description: persona.backstory,
    personality: persona.speakingStyle.quirks.join(", "),
    scenario: "",
    first_mes: "",
    mes_example: "",
    creator_notes: "",
    system_prompt: "",
    post_history_instructions: "",
    alternate_greetings: [],
    tags: [],
    creator: "",
    character_version: String(persona.version),
    extensions: {},
    group_only_greetings: [],
    creation_date: now,
    modification_date: now,
  };
}

function base64(card: CharacterCard): string {
  return Buffer.from(JSON.stringify(card), "utf8").toString("base64");
}

function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}
